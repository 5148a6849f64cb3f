import assert from 'node:assert/strict';
import { test } from 'node:test';
import { normalizeText, toRawOffset } from '../../src/extract/normalize.js';

/** Every clean offset, mapped back. */
function mapAll(raw: string): { text: string; back: number[] } {
  const { text, offsets } = normalizeText(raw);
  return { text, back: Array.from({ length: text.length + 1 }, (_, i) => toRawOffset(offsets, i)) };
}

test('mathematical bold letters read as plain letters, each mapped to its two-unit source', () => {
  const raw = '\u{1D408}\u{1D412} \u{1D41C}\u{1D425}\u{1D41A}\u{1D422}\u{1D426}\u{1D42C}'; // "IS claims" in bold
  const { text, back } = mapAll(raw);
  assert.equal(text, 'IS claims');
  assert.deepEqual(back, [0, 2, 4, 5, 7, 9, 11, 13, 15, 17]);
});

test('space variants become one space, curly quotes straight, zero-width and control characters go', () => {
  const raw = 'A\u00A0\u2009b \u201Cc\u201D d\u2019s\u200B e\u0007f \u2014 g';
  const { text, back } = mapAll(raw);
  assert.equal(text, 'A b "c" d\'s ef \u2014 g');
  //            A  ' ' b  ' ' "  c  "  ' ' d  '  s   ' ' e   f   ' ' —   ' ' g   end
  assert.deepEqual(back, [0, 1, 3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 14, 16, 17, 18, 19, 20, 21]);
});

test('lines are trimmed and paragraphs separated by exactly one blank line', () => {
  const raw = '  First line  \r\n  second line\r\n\r\n \u00A0\n\n\nThird\u2029Fourth  ';
  const { text, offsets } = normalizeText(raw);
  assert.equal(text, 'First line\nsecond line\n\nThird\n\nFourth');
  const third = text.indexOf('Third');
  assert.equal(raw.slice(toRawOffset(offsets, third), toRawOffset(offsets, third + 5)), 'Third');
  const fourth = text.indexOf('Fourth');
  assert.equal(raw.slice(toRawOffset(offsets, fourth), toRawOffset(offsets, text.length)), 'Fourth');
  // The line break between the first two lines maps to the trailing spaces that begin the whitespace run.
  assert.equal(toRawOffset(offsets, 10), 12);
});

test('compatibility characters that expand map every produced unit to their one source character', () => {
  const { text, back } = mapAll('\uFB01ne\u2026');
  assert.equal(text, 'fine...');
  assert.deepEqual(back, [0, 0, 1, 2, 3, 3, 3, 4]);
});

test('a base letter and a combining accent compose into one character', () => {
  const { text, back } = mapAll('Cafe\u0301 x');
  assert.equal(text, 'Caf\u00E9 x');
  assert.deepEqual(back, [0, 1, 2, 3, 5, 6, 7]);
});

test('an unchanged ASCII text maps onto itself with one run', () => {
  const { text, offsets } = normalizeText('plain text');
  assert.equal(text, 'plain text');
  assert.deepEqual(offsets.runs, [[0, 0]]);
});

test('empty and whitespace-only input give empty text', () => {
  assert.deepEqual(normalizeText(' \u200B\n\t '), { text: '', offsets: { runs: [] } });
});
