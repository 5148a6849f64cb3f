import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tagTokens, tokenizeForNer, type NerToken } from '../../src/nlp/ner/index.js';

/** Entities of a text as "surface/TYPE", via the public API. */
function entities(text: string): string[] {
  return tagTokens(tokenizeForNer(text)).flat().map((e) => `${text.slice(e.start, e.end)}/${e.type}`);
}

test('the committed model finds a person, an organisation and a city with exact spans', () => {
  const text = 'Maria Lopez, a spokeswoman for the International Monetary Fund, said the office in Nairobi had reopened.';
  const [spans] = tagTokens(tokenizeForNer(text));
  assert.deepEqual(spans, [
    { start: 0, end: 11, type: 'PER', tokenStart: 0, tokenEnd: 2 },
    { start: 35, end: 62, type: 'ORG', tokenStart: 7, tokenEnd: 10 },
    { start: 83, end: 90, type: 'LOC', tokenStart: 15, tokenEnd: 16 },
  ]);
});

test('case-less text still gets its person and city (lower case and ALL CAPS)', () => {
  const text = 'Maria Lopez, a spokeswoman for the clinic in Nairobi, said it had reopened.';
  assert.deepEqual(entities(text.toLowerCase()), ['maria lopez/PER', 'nairobi/LOC']);
  assert.deepEqual(entities(text.toUpperCase()), ['MARIA LOPEZ/PER', 'NAIROBI/LOC']);
});

test('nationality adjectives are MISC and multi-word places are one LOC span', () => {
  assert.deepEqual(entities('Kenyan police said the bus was attacked near Mombasa on the road to Dar es Salaam.'), [
    'Kenyan/MISC', 'Mombasa/LOC', 'Dar es Salaam/LOC',
  ]);
});

test('spans use the caller\'s token offsets and keep one result array per sentence', () => {
  // Tokens from some other tokenizer, with offsets into a text this module never sees.
  const at = (text: string, start: number): NerToken => ({ text, start, end: start + text.length });
  const result = tagTokens([
    [at('Nothing', 100), at('here', 108), at('.', 112)],
    [],
    [at('Angela', 200), at('Merkel', 207), at('visited', 214), at('Paris', 222), at('.', 227)],
  ]);
  assert.deepEqual(result, [
    [],
    [],
    [
      { start: 200, end: 213, type: 'PER', tokenStart: 0, tokenEnd: 2 },
      { start: 222, end: 227, type: 'LOC', tokenStart: 3, tokenEnd: 4 },
    ],
  ]);
  assert.deepEqual(tagTokens([]), []);
});

test('a name tagged once informs later mentions in the same document', () => {
  // "Wanjiru" alone in the second sentence is ambiguous; the first sentence established it as a person.
  const text = 'Officials named the driver as Grace Wanjiru. Wanjiru was not hurt.';
  assert.deepEqual(entities(text), ['Grace Wanjiru/PER', 'Wanjiru/PER']);
});

test('hostile tokens (huge, binary, markup) are tagged without error', () => {
  const tokens: NerToken[] = [
    { text: 'A'.repeat(200_000), start: 0, end: 200_000 },
    { text: '\u0000\u0007\ufffd', start: 200_001, end: 200_004 },
    { text: '<script>alert(1)</script>', start: 200_005, end: 200_030 },
  ];
  const result = tagTokens([tokens]);
  assert.equal(result.length, 1);
  for (const span of result[0]!) assert.ok(span.tokenStart >= 0 && span.tokenEnd <= 3 && span.start < span.end);
});

test('a sentence of 100,000 tokens is tagged in windows, and names inside it are still found', () => {
  const words = Array.from({ length: 100_000 }, (_, i) => (i % 10 === 3 ? 'Nairobi' : 'and'));
  let offset = 0;
  const tokens = words.map((text) => ({ text, start: offset, end: (offset += text.length + 1) - 1 }));
  const [spans] = tagTokens([tokens]);
  assert.equal(spans!.length, 10_000);
  assert.ok(spans!.every((s) => s.type === 'LOC' && s.tokenEnd - s.tokenStart === 1 && s.tokenStart % 10 === 3));
});
