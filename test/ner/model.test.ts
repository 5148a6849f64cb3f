import { test } from 'node:test';
import assert from 'node:assert/strict';
import { gzipSync } from 'node:zlib';
import { addPhrase } from '../../src/nlp/ner/gazetteer-build.js';
import { gazetteerMarks, type Gazetteer } from '../../src/nlp/ner/gazetteer.js';
import { lexicon } from '../../src/nlp/ner/lexicon.js';
import { deserializeModel, serializeModel } from '../../src/nlp/ner/model.js';
import { tagDocument, trimPunctuation } from '../../src/nlp/ner/tagger.js';
import { spansFromTags, TAG_COUNT, tagsFromSpans, type TokenSpan } from '../../src/nlp/ner/tags.js';
import { trainNer, type TrainingDocument } from '../../src/nlp/ner/train.js';
import { DenseWeights, SparseWeights } from '../../src/nlp/ner/weights.js';

// A tiny hand-written corpus: enough for the perceptron to memorise, small enough to train in milliseconds.
const sentence = (text: string, spans: TokenSpan[]) => ({ words: text.split(' '), spans });
const corpus: TrainingDocument[] = [
  { sentences: [
    sentence('Amina Diallo visited Lagos on Monday .', [{ start: 0, end: 2, type: 'PER' }, { start: 3, end: 4, type: 'LOC' }]),
    sentence('The Red Crescent sent trucks to Kano .', [{ start: 1, end: 3, type: 'ORG' }, { start: 6, end: 7, type: 'LOC' }]),
  ] },
  { sentences: [
    sentence('Diallo said Nigerian officials were in Abuja .', [
      { start: 0, end: 1, type: 'PER' }, { start: 2, end: 3, type: 'MISC' }, { start: 6, end: 7, type: 'LOC' },
    ]),
  ] },
];
const gazetteer: Gazetteer = new Map();
addPhrase(gazetteer, 'Abuja', 'LOC');
const options = { rows: 1 << 12, epochs: 8, seed: 11, upperCaseShare: 0, lowerCaseShare: 0, titleCaseShare: 0, gazetteer };

const spansOf = (model: ReturnType<typeof trainNer>, doc: TrainingDocument) =>
  tagDocument(model, doc.sentences.map((s) => s.words)).map(spansFromTags);

test('training is reproducible and learns its training sentences', () => {
  const a = trainNer(corpus, options);
  const b = trainNer(corpus, options);
  assert.deepEqual(a.weights, b.weights);
  for (const doc of corpus) assert.deepEqual(spansOf(a, doc), doc.sentences.map((s) => s.spans));
});

test('a saved model tags exactly as the one in memory, with its gazetteer and case ratios', () => {
  const model = trainNer(corpus, options);
  const reloaded = deserializeModel(serializeModel(model));
  assert.equal(reloaded.rows, model.rows);
  assert.deepEqual(reloaded.gazetteer, model.gazetteer);
  assert.deepEqual(reloaded.caseRatios, model.caseRatios);
  assert.equal(reloaded.weights.scale, model.weights.scale);
  assert.deepEqual(reloaded.weights.index, model.weights.index);
  assert.deepEqual(reloaded.weights.value, model.weights.value);
  for (const doc of corpus) assert.deepEqual(spansOf(reloaded, doc), spansOf(model, doc));
});

test('sparse weights score as the dense ones they quantise, in units of the scale', () => {
  const rows = 64;
  const dense = new DenseWeights(rows);
  const set = (row: number, tag: number, w: number): void => void (dense.values[row * TAG_COUNT + tag] = w);
  set(0, 0, 2); set(0, 16, -1); // first row, last tag
  set(31, 3, 0.5); set(32, 3, 0.25); // either side of a bitmap word
  set(63, 5, -2);
  set(40, 7, 1e-6); // rounds to zero: dropped
  const sparse = SparseWeights.quantise(dense);
  assert.equal(sparse.scale, 2 / 32767);
  assert.deepEqual(Array.from(sparse.index), [0, 16, 31 * TAG_COUNT + 3, 32 * TAG_COUNT + 3, 63 * TAG_COUNT + 5]);
  const scores = (weights: DenseWeights | SparseWeights, hashes: number[]): number[] => {
    const positions = Int32Array.from(hashes);
    weights.locate(positions, 0, positions.length);
    const out = new Float64Array(TAG_COUNT);
    weights.addScores(positions, positions.length, out);
    return Array.from(out);
  };
  // Repeats add up; rows without weight add nothing; a hash selects row hash mod rows (-1 is row 63, 95 row 31).
  const rowList = [0, 95, 32, 32, 40, -1, 7];
  const expected = new Array<number>(TAG_COUNT).fill(0);
  expected[0] = 32767;
  expected[16] = -16383; // -1 / scale = -16383.5; Math.round takes halves up
  expected[3] = 8192 + 2 * 4096;
  expected[5] = -32767;
  assert.deepEqual(scores(sparse, rowList), expected);
  const fromDense = scores(dense, rowList);
  for (let t = 0; t < TAG_COUNT; t++) assert.ok(Math.abs(fromDense[t]! - expected[t]! * sparse.scale) < 1e-4);
});

test('a file that is not a model is refused with a clear message', () => {
  const bogus = Buffer.concat([Buffer.from([2, 0, 0, 0, 0, 0, 0, 0]), Buffer.from('{}')]);
  assert.throws(() => deserializeModel(gzipSync(bogus)), { message: 'ner: not a sitrep NER model (version 1)' });
});

test('gazetteer marks give each token of a matched phrase its position', () => {
  const places: Gazetteer = new Map();
  addPhrase(places, 'Dar es Salaam', 'LOC');
  addPhrase(places, 'Salaam', 'PER');
  const lex = ['in', 'Dar', 'es', 'Salaam', 'today', 'Dar', 'es'].map(lexicon);
  const marks = new Uint16Array(lex.length);
  gazetteerMarks(places, lex, marks);
  const LOC = 2, PER = 0; // bit 4 * type + position; positions: 0 first, 1 inside, 2 last, 3 whole
  assert.deepEqual(Array.from(marks), [
    0, 1 << (4 * LOC), 1 << (4 * LOC + 1), (1 << (4 * LOC + 2)) | (1 << (4 * PER + 3)), 0,
    0, 0, // a mere prefix of a phrase is no match
  ]);
});

test('punctuation is trimmed from the edges of a decoded entity but kept inside it', () => {
  const lex = ['Smith', ',', 'Jones', 'and', 'Co', ',', 'said'].map(lexicon);
  // The decoder's raw output ran the entity on over the second comma.
  const raw = tagsFromSpans(lex.length, [{ start: 0, end: 6, type: 'ORG' }]);
  assert.deepEqual(spansFromTags(trimPunctuation(raw, lex)), [{ start: 0, end: 5, type: 'ORG' }]);
  // An entity made only of punctuation disappears.
  const lone = tagsFromSpans(lex.length, [{ start: 1, end: 2, type: 'MISC' }]);
  assert.deepEqual(spansFromTags(trimPunctuation(lone, lex)), []);
});
