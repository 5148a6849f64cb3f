import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ALLOWED, END_OK, START_TAG, TAG_COUNT, TAG_NAMES, spansFromTags, tagsFromSpans } from '../../src/nlp/ner/tags.js';

const id = (name: string): number => TAG_NAMES.indexOf(name);
const allowed = (prev: string | number, next: string): boolean =>
  ALLOWED[(typeof prev === 'number' ? prev : id(prev)) * TAG_COUNT + id(next)] === 1;

test('spans become BILOU tags and back', () => {
  const spans = [
    { start: 0, end: 1, type: 'LOC' as const },
    { start: 2, end: 5, type: 'ORG' as const },
    { start: 5, end: 7, type: 'PER' as const },
  ];
  const tags = tagsFromSpans(8, spans);
  assert.deepEqual(Array.from(tags, (t) => TAG_NAMES[t]), ['U-LOC', 'O', 'B-ORG', 'I-ORG', 'L-ORG', 'B-PER', 'L-PER', 'O']);
  assert.deepEqual(spansFromTags(tags), spans);
});

test('transitions: an open entity must continue with its own type; nothing continues a closed one', () => {
  assert.equal(allowed('B-PER', 'I-PER'), true);
  assert.equal(allowed('B-PER', 'L-PER'), true);
  assert.equal(allowed('B-PER', 'O'), false);
  assert.equal(allowed('I-PER', 'L-ORG'), false);
  assert.equal(allowed('L-PER', 'B-PER'), true);
  assert.equal(allowed('O', 'I-LOC'), false);
  assert.equal(allowed('U-MISC', 'L-MISC'), false);
  assert.equal(allowed(START_TAG, 'U-ORG'), true);
  assert.equal(allowed(START_TAG, 'I-ORG'), false);
  assert.deepEqual(TAG_NAMES.filter((_, t) => END_OK[t]), ['O', 'L-PER', 'U-PER', 'L-ORG', 'U-ORG', 'L-LOC', 'U-LOC', 'L-MISC', 'U-MISC']);
});
