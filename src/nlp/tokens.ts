// Sentences and their tokens, with exact character offsets into the article text. One pass of the tagger's own
// tokenizer (ner/tokenize.ts) splits both, so the entity tagger reads these tokens without tokenizing again.
import type { Span } from '../types.js';
import { isSpace, tokenizeForNer, type NerToken } from './ner/index.js';

/** A sentence with the tokens that fall inside it. */
export interface Sentence extends Span {
  tokens: NerToken[];
}

// One very long run of non-space characters (a pasted blob, a minified script) is no part of a sentence: it
// becomes a sentence of its own.
const LONG_RUN = 256;

/**
 * Splits `text` into sentences and tokens. Every span satisfies `text.slice(start, end) === token.text`.
 * Sentences never cross a line break: extracted text puts one paragraph (or headline) per line. `caseless` is
 * for text in one case, where a sentence may begin with a lower-case word.
 */
export function segment(text: string, caseless = false): Sentence[] {
  const sentences: Sentence[] = [];
  let from = 0;
  let run = 0; // start of the current run of non-space characters
  for (let i = 0; i <= text.length; i++) {
    if (i < text.length && !isSpace(text.charCodeAt(i))) continue;
    if (i - run >= LONG_RUN) {
      segmentPiece(text, from, run, caseless, sentences);
      sentences.push({ start: run, end: i, tokens: tokenizeForNer(text.slice(run, i), run).flat() });
      from = i;
    }
    run = i + 1;
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
