import assert from 'node:assert/strict';
import { test } from 'node:test';
import { corpusScore, pagePrecisionRecall, scorePage, shingles, wordTokens } from '../../eval/shingles.js';

test('tokens are Unicode words: letters, digits and underscore, case kept, punctuation dropped', () => {
  assert.deepEqual(wordTokens('Взрыв в «Крокусе»: 2024-03-22, snake_case — Ünïcode 한국어'), [
    'Взрыв', 'в', 'Крокусе', '2024', '03', '22', 'snake_case', 'Ünïcode', '한국어',
  ]);
});

test('4-word shingles; a text of one to three tokens is one shingle; an empty text has none', () => {
  assert.deepEqual(shingles(['a', 'b', 'c', 'd', 'e']), ['a b c d', 'b c d e']);
  assert.deepEqual(shingles(['a', 'b']), ['a b']);
  assert.deepEqual(shingles([]), []);
});

test('page scores are shingle multiset counts normalised to sum to one', () => {
  // gold shingles: "one two three four", "two three four five"; the prediction repeats the first twice.
  const score = scorePage('one two three four five', 'one two three four. One two three four');
  // pred shingles: "one two three four", "two three four One", "three four One two", "four One two three", "One two three four"
  // TP 1, FP 4, FN 1 -> divided by 6
  assert.deepEqual(score, { tp: 1 / 6, fp: 4 / 6, fn: 1 / 6, exact: false });
  assert.deepEqual(pagePrecisionRecall(score), { precision: 0.2, recall: 0.5 });
});

test('special cases: perfect page, empty prediction, exact match ignores punctuation', () => {
  const perfect = scorePage('Alpha, beta gamma delta.', 'Alpha beta\n\ngamma delta');
  assert.deepEqual(perfect, { tp: 1, fp: 0, fn: 0, exact: true });
  assert.deepEqual(pagePrecisionRecall(perfect), { precision: 1, recall: 1 });
  const empty = scorePage('alpha beta gamma delta', '');
  assert.deepEqual(empty, { tp: 0, fp: 0, fn: 1, exact: false });
  assert.deepEqual(pagePrecisionRecall(empty), { precision: 0, recall: 0 });
});

test('corpus precision skips pages with nothing predicted; F1 is the harmonic mean of the macro averages', () => {
  const pages = [scorePage('a b c d e', 'a b c d e'), scorePage('a b c d e', 'a b c d x y'), scorePage('a b c d', '')];
  // precision over pages 1 and 2: (1 + 1/3) / 2; recall over all three: (1 + 1/2 + 0) / 3
  const score = corpusScore(pages);
  assert.equal(score.precision, 2 / 3);
  assert.equal(score.recall, 0.5);
  assert.equal(score.f1, (2 * (2 / 3) * 0.5) / (2 / 3 + 0.5));
  assert.equal(score.accuracy, 1 / 3);
});
