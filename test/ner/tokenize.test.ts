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

test('split options: every line, text in one case, no length cap', () => {
  const lines = (text: string, caseless = false): string[] =>
    tokenizeForNer(text, 0, { everyLine: true, caseless, maxTokens: Infinity }).map((s) => text.slice(s[0]!.start, s[s.length - 1]!.end));
  assert.deepEqual(lines('THE ARMED FORCES REPORTED A CLASH WITH\nREBELS NEAR THE BORDER.'), ['THE ARMED FORCES REPORTED A CLASH WITH', 'REBELS NEAR THE BORDER.']);
  // Lower-case text: any word may begin a sentence, but an initial does not end one.
  assert.deepEqual(lines('the minister, carlos a. morales, spoke. the army denied it.', true), ['the minister, carlos a. morales, spoke.', 'the army denied it.']);
  assert.deepEqual(lines('the minister, carlos a. morales, spoke. the army denied it.'), ['the minister, carlos a. morales, spoke. the army denied it.']);
  // A closing quote touching the stop belongs to its sentence; an opening ellipsis ends nothing; nor does a URL.
  assert.deepEqual(lines('"Got her!" an officer said. "...I request it," he said. See pic.twitter.com/x1 Now.'), [
    '"Got her!" an officer said.', '"...I request it," he said.', 'See pic.twitter.com/x1 Now.',
  ]);
  // Scripts without case start a sentence after a stop; a long ellipsis ends one.
  assert.deepEqual(lines('Ends here. 시작은 여기. Then maintain.... (aside) more'), ['Ends here.', '시작은 여기.', 'Then maintain....', '(aside) more']);
  assert.equal(tokenizeForNer('word '.repeat(500), 0, { maxTokens: Infinity })[0]!.length, 500);
});
