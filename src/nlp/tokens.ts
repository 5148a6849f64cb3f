// Sentences and their tokens, with exact character offsets into the article text. One pass of the tagger's own
// tokenizer (ner/tokenize.ts) splits both, so the entity tagger reads these tokens without tokenizing again.
import type { Span } from '../types.js';
import { tokenizeForNer, type NerToken } from './ner/index.js';

/** A sentence with the tokens that fall inside it. */
export interface Sentence extends Span {
  tokens: NerToken[];
}

// One very long run of non-space characters (a pasted blob, a minified script) is no part of a sentence: it
// becomes a sentence of its own. The lookbehind makes the search start only at the beginning of a run
// (where any match starts), not inside it.
const LONG_RUN = /(?<!\S)\S{256,}/g;

/**
 * Splits `text` into sentences and tokens. Every span satisfies `text.slice(start, end) === token.text`.
 * Sentences never cross a line break: extracted text puts one paragraph (or headline) per line. `caseless` is
 * for text in one case, where a sentence may begin with a lower-case word.
 */
export function segment(text: string, caseless = false): Sentence[] {
  const sentences: Sentence[] = [];
  let from = 0;
  LONG_RUN.lastIndex = 0;
  for (let m = LONG_RUN.exec(text); m; m = LONG_RUN.exec(text)) {
    segmentPiece(text, from, m.index, caseless, sentences);
    const end = m.index + m[0].length;
    sentences.push({ start: m.index, end, tokens: tokenizeForNer(m[0], m.index).flat() });
    from = end;
  }
  segmentPiece(text, from, text.length, caseless, sentences);
  return sentences;
}

/** Appends the sentences of text[start, end), with offsets into `text`. */
function segmentPiece(text: string, start: number, end: number, caseless: boolean, out: Sentence[]): void {
  const piece = start === 0 && end === text.length ? text : text.slice(start, end);
  // A sentence is never cut for length here: the tagger reads long ones in windows of its own.
  for (const tokens of tokenizeForNer(piece, start, { everyLine: true, caseless, maxTokens: Infinity })) {
    out.push({ start: tokens[0]!.start, end: tokens[tokens.length - 1]!.end, tokens });
  }
}
