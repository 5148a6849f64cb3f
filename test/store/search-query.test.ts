// Parsing user search text into safe terms.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fts5Expression, searchLimit, searchTerms } from '../../src/store/search-query.js';

test('splits words into terms and keeps quoted runs as phrases, an unclosed quote running to the end', () => {
  assert.deepEqual(searchTerms('Crocus "City Hall'), [['Crocus'], ['City', 'Hall']]);
  assert.deepEqual(searchTerms('"gunmen opened" fire "at"'), [['gunmen', 'opened'], ['fire'], ['at']]);
  assert.deepEqual(searchTerms('Köln, São-Paulo'), [['Köln'], ['São'], ['Paulo']]);
});

test('drops operators’ punctuation and keeps operator words as plain words', () => {
  assert.deepEqual(searchTerms('AND OR ('), [['AND'], ['OR']]);
  assert.deepEqual(searchTerms('title:drone* -NEAR(x)'), [['title'], ['drone'], ['NEAR'], ['x']]);
  assert.deepEqual(searchTerms('"" () * ^'), []);
});

test('caps a pasted paragraph at 32 terms', () => {
  assert.equal(searchTerms('word '.repeat(100)).length, 32);
});

test('quotes every term for FTS5', () => {
  assert.equal(fts5Expression([['Crocus'], ['City', 'Hall']]), '"Crocus" AND "City Hall"');
});

test('clamps the result limit to 1..1000', () => {
  assert.deepEqual([searchLimit(-1), searchLimit(0), searchLimit(7.9), searchLimit(1e9), searchLimit(Number.NaN)], [1, 1, 7, 1000, 20]);
});
