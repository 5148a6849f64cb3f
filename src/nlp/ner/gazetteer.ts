// Gazetteer matches over a sentence: phrases are stored as hashes of their lower-cased tokens, so the
// model file carries the list without carrying its text, and matching needs no string building.
import { mix } from './hash.js';
import { FLAG, LEX } from './lexicon.js';

/**
 * Phrase hash -> bit mask of entity type indices (bit k = ENTITY_TYPES[k]); 0 marks a proper prefix of
 * some phrase, so matching stops as soon as the words read so far begin no phrase.
 */
export type Gazetteer = Map<number, number>;

export const GAZETTEER_MAX_TOKENS = 5;
const PHRASE_SEED = 0x5eed;

/** Hash of a phrase from its tokens' lexical records (the same hash at build and match time). */
export function extendPhraseHash(hash: number, lex: Int32Array): number {
  return mix(hash, lex[LEX.lower]!);
}
export const EMPTY_PHRASE_HASH = PHRASE_SEED;

/** The gazetteer's entry for a one-word phrase: its type mask (0: it begins longer phrases only), or -1. */
export function singleWordEntry(gazetteer: Gazetteer, rec: Int32Array): number {
  return gazetteer.get(extendPhraseHash(EMPTY_PHRASE_HASH, rec)) ?? -1;
}

/**
 * For each token, a bit mask of (type, position) pairs from every gazetteer phrase covering it:
 * bit 4*type + position, position 0 = first of several, 1 = inside, 2 = last, 3 = the whole phrase.
 * `single`, when given, holds each token's singleWordEntry (a caller that keeps it per word).
 */
export function gazetteerMarks(gazetteer: Gazetteer, lex: readonly Int32Array[], out: Uint16Array, single?: Int32Array): void {
  out.fill(0, 0, lex.length);
  if (gazetteer.size === 0) return;
  for (let start = 0; start < lex.length; start++) {
    if ((lex[start]![LEX.flags]! & FLAG.hasLetter) === 0) continue; // names start with a letter
    let hash = EMPTY_PHRASE_HASH;
    const last = Math.min(lex.length, start + GAZETTEER_MAX_TOKENS);
    for (let end = start + 1; end <= last; end++) {
      hash = extendPhraseHash(hash, lex[end - 1]!);
      const types = end === start + 1 && single ? single[start]! : gazetteer.get(hash) ?? -1;
      if (types < 0) break;
      for (let type = 0; type < 4; type++) {
        if ((types & (1 << type)) === 0) continue;
        if (end - start === 1) {
          out[start] |= 1 << (4 * type + 3);
          continue;
        }
        out[start] |= 1 << (4 * type);
        for (let i = start + 1; i < end - 1; i++) out[i] |= 1 << (4 * type + 1);
        out[end - 1] |= 1 << (4 * type + 2);
      }
    }
  }
}
