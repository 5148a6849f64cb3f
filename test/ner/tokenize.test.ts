import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tokenizeForNer } from '../../src/nlp/ner/index.js';

const words = (text: string): string[][] => tokenizeForNer(text).map((s) => s.map((t) => t.text));

test('tokens carry exact character offsets into the text', () => {
  const text = '  Mr. Okafor flew to the U.S. on Tuesday.';
  const tokens = tokenizeForNer(text).flat();
  assert.deepEqual(
    tokens.map((t) => [t.text, t.start, t.end]),
    [['Mr.', 2, 5], ['Okafor', 6, 12], ['flew', 13, 17], ['to', 18, 20], ['the', 21, 24], ['U.S.', 25, 29],
      ['on', 30, 32], ['Tuesday', 33, 40], ['.', 40, 41]],
  );
  for (const t of tokens) assert.equal(text.slice(t.start, t.end), t.text);
  // A slice of a longer text: offsets point into the longer one.
  const sliced = tokenizeForNer(text.slice(6, 17), 6).flat();
  assert.deepEqual(sliced.map((t) => [t.text, t.start, t.end]), [['Okafor', 6, 12], ['flew', 13, 17]]);
});

test('punctuation and clitics are split PTB-style; hyphenated words, numbers and initials stay whole', () => {
  assert.deepEqual(words("Kenya's well-known runner didn't say (much): 1,250.5 people, J. Smith, 2024-03-22."), [
    ['Kenya', "'s", 'well-known', 'runner', 'did', "n't", 'say', '(', 'much', ')', ':', '1,250.5', 'people', ',',
      'J.', 'Smith', ',', '2024-03-22', '.'],
  ]);
});

test('sentences end at terminal punctuation before a capital, never inside an abbreviation', () => {
  assert.deepEqual(words('Dr. Haile arrived. He left at 5 p.m. yesterday! "Why?" she asked.'), [
    ['Dr.', 'Haile', 'arrived', '.'],
    ['He', 'left', 'at', '5', 'p.m.', 'yesterday', '!'],
    ['"', 'Why', '?', '"', 'she', 'asked', '.'],
  ]);
});

test('a blank line always ends a sentence; a single line break only after a heading or a whole paragraph', () => {
  assert.deepEqual(words('FLOODS HIT THE COAST\n\nRain fell\nall night'), [
    ['FLOODS', 'HIT', 'THE', 'COAST'],
    ['Rain', 'fell', 'all', 'night'],
  ]);
  // A caption line without a full stop, then a paragraph: two sentences.
  assert.equal(tokenizeForNer('Rescuers search the rubble in Antakya\nThe quake struck at dawn.').length, 2);
  const paragraph = 'A paragraph on one long line, as pasted from a web page, which runs on and on for well over a hundred characters';
  assert.equal(tokenizeForNer(`${paragraph}\nThe next one starts here.`).length, 2);
  // Hard-wrapped text (lines of middling length) keeps a sentence whole across the break.
  const wrapped = 'THE ARMED FORCES PRESS COMMITTEE REPORTED THAT A PATROL CLASHED WITH\nREBELS NEAR THE BORDER TOWN.';
  assert.equal(tokenizeForNer(wrapped).length, 1);
});

test('hostile input: a huge token and binary junk tokenize in bounded sentences without error', () => {
  const junk = 'x'.repeat(1_000_000) + ' \u0000\u0001\uffff '.repeat(10_000);
  const sentences = tokenizeForNer(junk);
  assert.equal(sentences[0]![0]!.end, 1_000_000);
  assert.ok(sentences.every((s) => s.length <= 200));
  assert.equal(tokenizeForNer('').length, 0);
});
