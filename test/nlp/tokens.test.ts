import assert from 'node:assert/strict';
import { test } from 'node:test';
import { latinShare, letterCase } from '../../src/nlp/script.js';
import { segment } from '../../src/nlp/tokens.js';

test('tokens and sentences map exactly onto the text', () => {
  const text = 'Gen. Ada Vey said they can\'t stay.  U.S. troops left at 9.30 — “fast”.\n\nA headline without a stop\nNext line.';
  const sentences = segment(text);
  assert.deepEqual(
    sentences.map((s) => text.slice(s.start, s.end)),
    ["Gen. Ada Vey said they can't stay.", 'U.S. troops left at 9.30 — “fast”.', 'A headline without a stop', 'Next line.'],
  );
  for (const s of sentences) for (const t of s.tokens) assert.equal(text.slice(t.start, t.end), t.text);
  assert.deepEqual(sentences[0].tokens.map((t) => t.text), ['Gen.', 'Ada', 'Vey', 'said', 'they', 'ca', "n't", 'stay', '.']);
});

test('text in one case splits before lower-case words; a long run of non-space characters is a sentence of its own', () => {
  const lower = 'the army denied it. the rebels fled at 5 p.m. on friday.\nnext line';
  const spans = (caseless: boolean) => segment(lower, caseless).map((s) => lower.slice(s.start, s.end));
  assert.deepEqual(spans(true), ['the army denied it.', 'the rebels fled at 5 p.m. on friday.', 'next line']);
  assert.deepEqual(spans(false), ['the army denied it. the rebels fled at 5 p.m. on friday.', 'next line']);
  const blob = `See ${'x'.repeat(300)} now.`;
  assert.deepEqual(segment(blob).map((s) => [s.start, s.end]), [[0, 3], [4, 304], [305, 309]]);
});

test('empty, blank and symbol-only text', () => {
  assert.deepEqual(segment(''), []);
  assert.deepEqual(segment(' \n\n\t '), []);
  for (const s of segment('*** --- ###')) assert.ok(s.end > s.start);
});

test('script and case checks', () => {
  assert.equal(latinShare('Теракт в Красногорске'), 0);
  assert.equal(latinShare('Attack near Moscow'), 1);
  assert.equal(letterCase('GUNMEN OPENED FIRE ON A CROWDED CONCERT HALL NEAR MOSCOW'), 'upper');
  assert.equal(letterCase('gunmen opened fire on a crowded concert hall near moscow'), 'lower');
  assert.equal(letterCase('Gunmen opened fire on a crowded concert hall near Moscow'), 'mixed');
});
