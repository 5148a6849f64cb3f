import { test } from 'node:test';
import assert from 'node:assert/strict';
import { iobSpans, parseConll, scoreConll } from '../../eval/conll.js';

test('parseConll splits documents at -DOCSTART- and sentences at blank lines, keeping the last column', () => {
  const text = [
    '-DOCSTART- -X- O O', '',
    'Ada NNP I-NP I-PER', 'Lovelace NNP I-NP I-PER', 'wrote VBD I-VP O', '',
    'Paris NNP I-NP I-LOC', '',
    '-DOCSTART- -X- O O', '',
    'Hello UH O O', '',
  ].join('\n');
  const docs = parseConll(text);
  assert.equal(docs.length, 2);
  assert.deepEqual(docs[0]!.sentences, [
    { words: ['Ada', 'Lovelace', 'wrote'], tags: ['I-PER', 'I-PER', 'O'] },
    { words: ['Paris'], tags: ['I-LOC'] },
  ]);
  assert.deepEqual(docs[1]!.sentences, [{ words: ['Hello'], tags: ['O'] }]);
});

test('parseConll rejects a line without a tag column', () => {
  assert.throws(() => parseConll('lonely\n'), { message: 'conll: expected "word ... tag", got "lonely"' });
});

test('iobSpans reads IOB1: B- splits adjacent same-type entities, a type change starts a new one', () => {
  assert.deepEqual(iobSpans(['I-PER', 'I-PER', 'B-PER', 'O', 'I-LOC', 'I-ORG', 'I-ORG']), [
    { start: 0, end: 2, type: 'PER' },
    { start: 2, end: 3, type: 'PER' },
    { start: 4, end: 5, type: 'LOC' },
    { start: 5, end: 7, type: 'ORG' },
  ]);
});

test('iobSpans reads IOB2 the same way and closes an entity at the end of the sentence', () => {
  assert.deepEqual(iobSpans(['B-MISC', 'I-MISC', 'B-MISC', 'I-MISC']), [
    { start: 0, end: 2, type: 'MISC' },
    { start: 2, end: 4, type: 'MISC' },
  ]);
});

test('scoreConll counts only exact span + type matches, per type and overall', () => {
  const score = scoreConll([
    // gold: PER 0-2, LOC 3-4; predicted: PER 0-1 (wrong boundary), LOC 3-4 (correct)
    { gold: ['B-PER', 'I-PER', 'O', 'B-LOC'], predicted: ['B-PER', 'O', 'O', 'B-LOC'] },
    // gold: ORG 0-1; predicted: LOC 0-1 (wrong type) and MISC 2-3 (spurious)
    { gold: ['B-ORG', 'O', 'O'], predicted: ['B-LOC', 'O', 'B-MISC'] },
  ]);
  assert.deepEqual(
    { gold: score.overall.gold, predicted: score.overall.predicted, correct: score.overall.correct },
    { gold: 3, predicted: 4, correct: 1 },
  );
  assert.equal(score.overall.precision, 1 / 4);
  assert.equal(score.overall.recall, 1 / 3);
  assert.ok(Math.abs(score.overall.f1 - 2 / 7) < 1e-12);
  assert.deepEqual(Object.keys(score.byType), ['LOC', 'MISC', 'ORG', 'PER']);
  assert.deepEqual(score.byType.LOC, { gold: 1, predicted: 2, correct: 1, precision: 0.5, recall: 1, f1: 2 / 3 });
  assert.deepEqual(score.byType.ORG, { gold: 1, predicted: 0, correct: 0, precision: 0, recall: 0, f1: 0 });
  assert.equal(score.tokenAccuracy, 4 / 7);
});

test('scoreConll refuses sentences whose tag sequences differ in length', () => {
  assert.throws(() => scoreConll([{ gold: ['O', 'O'], predicted: ['O'] }]), {
    message: 'conll: sentence has 2 gold tags but 1 predicted',
  });
});
