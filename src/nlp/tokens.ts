// Sentences and tokens from wink-nlp, mapped back to exact character offsets in the article text.
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import type { Span } from '../types.js';

/** One token: its exact text in the article and wink's token type ("word", "number", "punctuation", ...). */
export interface Token extends Span {
  text: string;
  kind: string;
}

/** A sentence with the tokens that fall inside it. */
export interface Sentence extends Span {
  tokens: Token[];
}

// The model takes ~1 s to load, so it is loaded once, on first use. Only sentence boundary detection is
// switched on: part-of-speech, wink's own entities and sentiment are not used and would cost 3x the time.
let nlp: ReturnType<typeof winkNLP> | null = null;
function engine(): ReturnType<typeof winkNLP> {
  nlp ??= winkNLP(model, ['sbd']);
  return nlp;
}

// How far past the expected position a token may still be searched for. wink normalises a few characters
// (it may rewrite a token's text); such tokens are left out rather than searched for across the article.
const SEARCH_WINDOW = 64;

// wink's tokenizer slows down quadratically inside one very long run of non-space characters (a pasted
// blob, a minified script), so such runs bypass it and become a one-token sentence of their own. The
// lookbehind makes the search start only at the beginning of a run (where any match starts), not inside it.
const LONG_RUN = /(?<!\S)\S{256,}/g;

/**
 * Splits `text` into sentences and tokens. Every span satisfies `text.slice(start, end) === token.text`.
 * Sentences never cross a line break: extracted text puts one paragraph (or headline) per line.
 */
export function segment(text: string): Sentence[] {
  const sentences: Sentence[] = [];
  let from = 0;
  for (const m of text.matchAll(LONG_RUN)) {
    segmentPiece(text, from, m.index!, sentences);
    sentences.push(toSentence([{ start: m.index!, end: m.index! + m[0].length, text: m[0], kind: 'unk' }]));
    from = m.index! + m[0].length;
  }
  segmentPiece(text, from, text.length, sentences);
  return sentences;
}

/** Runs wink over text[start, end) and appends its sentences, with offsets into `text`. */
function segmentPiece(text: string, start: number, end: number, out: Sentence[]): void {
  const piece = text.slice(start, end);
  if (piece.trim() === '') return;
  const doc = engine().readDoc(piece);
  const its = engine().its;
  const values = doc.tokens().out() as string[];
  const kinds = doc.tokens().out(its.type) as string[];
  const spans = doc.sentences().out(its.span) as unknown as Array<[number, number]>;

  const tokens: Array<Token | null> = new Array(values.length).fill(null);
  let cursor = 0;
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (kinds[i] === 'tabCRLF' || value.trim() === '') continue;
    const at = locate(piece, value, cursor);
    if (at < 0) continue;
    tokens[i] = { start: start + at, end: start + at + value.length, text: value, kind: kinds[i] };
    cursor = at + value.length;
  }

  for (const [first, last] of spans) {
    let current: Token[] = [];
    let lastEnd = -1;
    for (let i = first; i <= last; i++) {
      const token = tokens[i];
      if (!token) continue;
      if (current.length > 0 && text.slice(lastEnd, token.start).includes('\n')) {
        out.push(toSentence(current));
        current = [];
      }
      current.push(token);
      lastEnd = token.end;
    }
    if (current.length > 0) out.push(toSentence(current));
  }
}

function toSentence(tokens: Token[]): Sentence {
  return { start: tokens[0].start, end: tokens[tokens.length - 1].end, tokens };
}

/** Position of `value` at or shortly after `from`, or -1. Bounded, so a missing token costs O(window). */
function locate(text: string, value: string, from: number): number {
  let at = from;
  while (at < text.length && isSpace(text.charCodeAt(at))) at++;
  if (text.startsWith(value, at)) return at;
  const window = text.slice(from, from + SEARCH_WINDOW + value.length);
  const found = window.indexOf(value);
  return found < 0 ? -1 : from + found;
}

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13 || code === 160;
}
