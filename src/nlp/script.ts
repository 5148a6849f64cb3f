// Cheap whole-text checks that decide which annotation layers can run: script and letter case. One pass over
// code points with a lazily filled class table (a regex match would build an array of every letter).

const KNOWN = 1, UPPER = 2, LOWER = 4, LETTER = 8, LATIN = 16;
const classes = new Uint8Array(0x10000);

function classify(codePoint: number): number {
  const ch = String.fromCodePoint(codePoint);
  return (
    KNOWN |
    (/\p{Lu}/u.test(ch) ? UPPER : 0) |
    (/\p{Ll}/u.test(ch) ? LOWER : 0) |
    (/\p{L}/u.test(ch) ? LETTER : 0) |
    (/\p{Script=Latin}/u.test(ch) ? LATIN : 0)
  );
}

/** Counts of code points in `text` having each class bit, indexed by bit. One histogram increment per code point
 * (by class combination), summed per bit at the end. */
function classCounts(text: string): Int32Array {
  const histogram = new Int32Array(2 * LATIN);
  for (let i = 0; i < text.length; i++) {
    let codePoint = text.charCodeAt(i);
    let c: number;
    if (codePoint >= 0xd800 && codePoint < 0xdc00 && i + 1 < text.length) {
      codePoint = text.codePointAt(i)!;
      if (codePoint > 0xffff) i++;
    }
    if (codePoint > 0xffff) c = classify(codePoint); // outside the BMP: rare, not cached
    else {
      c = classes[codePoint]!;
      if (c === 0) c = classes[codePoint] = classify(codePoint);
    }
    histogram[c]!++;
  }
  const counts = new Int32Array(LATIN + 1);
  for (let c = 0; c < histogram.length; c++) {
    for (const bit of [UPPER, LOWER, LETTER, LATIN]) if (c & bit) counts[bit]! += histogram[c]!;
  }
  return counts;
}

/** Share of letters that are Latin, over at most the first `sample` characters. 1 when there are no letters. */
export function latinShare(text: string, sample = 20000): number {
  const counts = classCounts(text.slice(0, sample));
  return counts[LETTER] === 0 ? 1 : counts[LATIN]! / counts[LETTER]!;
}

/** "upper" or "lower" when nearly all cased letters are one case (a feed in capitals, a lower-cased dump). */
export function letterCase(text: string, sample = 20000): 'upper' | 'lower' | 'mixed' {
  const counts = classCounts(text.slice(0, sample));
  const upper = counts[UPPER]!;
  const cased = upper + counts[LOWER]!;
  if (cased < 20) return 'mixed';
  if (upper / cased > 0.9) return 'upper';
  if (upper / cased < 0.01) return 'lower';
  return 'mixed';
}
