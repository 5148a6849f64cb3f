import assert from 'node:assert/strict';
import { test } from 'node:test';
import { foldForMatch, PatternTrie } from '../../src/knowledge/trie.js';

const hits = (trie: PatternTrie, text: string): Array<[number, string]> =>
  trie.search(text).map((h) => [h.pattern, text.slice(h.start, h.end)]);

test('the trie reports every pattern starting at a word start, by start then end, with exact offsets', () => {
  const trie = new PatternTrie(['is', 'islamic state', 'Islamic State group', 'state', 'São Paulo']);
  const text = 'Crisis: ISLAMIC  State–group said, "Sao-Paulo" is';
  assert.deepEqual(trie.search(text), [
    { pattern: 0, start: 8, end: 10 },
    { pattern: 1, start: 8, end: 22 },
    { pattern: 2, start: 8, end: 28 },
    { pattern: 3, start: 17, end: 22 },
    { pattern: 4, start: 36, end: 45 },
    { pattern: 0, start: 47, end: 49 },
  ]);
  // "is" inside "Crisis" does not start a word; the whole-word check at the end is the caller's.
  assert.deepEqual(hits(trie, 'isthmus'), [[0, 'is']]);
});

test('states with many children are searched correctly (binary search past the scan limit)', () => {
  const names = 'abcdefghijklmnopqrstuvwxyz'.split('').map((c) => `q${c}x`);
  const trie = new PatternTrie(names);
  for (const [i, name] of names.entries()) assert.deepEqual(hits(trie, `the ${name.toUpperCase()} unit`), [[i, name.toUpperCase()]]);
  assert.deepEqual(hits(trie, 'q1x qx'), []);
});

test('patterns fold as the text does; empty patterns and empty text are harmless', () => {
  assert.equal(foldForMatch('  Al-Qaeda’s  Ĉell '), "al qaeda's cell");
  const trie = new PatternTrie(['', '  ', 'al qaeda']);
  assert.deepEqual(hits(trie, 'AL‑QAEDA'), [[2, 'AL‑QAEDA']]);
  assert.deepEqual(trie.search(''), []);
});

test('of patterns that fold alike the first is reported; a pattern that is a prefix of others is found with them', () => {
  const trie = new PatternTrie(['Kabul airport', 'kabul', 'KABUL', 'kab', 'Kabul Airport']);
  assert.deepEqual(hits(trie, 'near Kabul airport.'), [
    [3, 'Kab'],
    [1, 'Kabul'],
    [0, 'Kabul airport'],
  ]);
});
