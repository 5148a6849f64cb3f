// Integer hashing for feature ids: strings are hashed once per word, conjunctions are mixed as integers,
// so the tagger's hot loop never builds feature-name strings. Hashes are signed 32-bit integers: V8 keeps those
// unboxed, while an unsigned value of 2^31 or more becomes a heap number each time it leaves a typed array.

/** FNV-1a over UTF-16 code units, seeded so different templates of the same string differ. */
export function hashString(text: string, seed: number): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h | 0;
}

/** Combines two 32-bit hashes (murmur3 finaliser over the pair); order matters. */
export function mix(a: number, b: number): number {
  let h = Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) ^ b;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return h ^ (h >>> 16);
}
