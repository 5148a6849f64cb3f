// A small, fast PTB-like tokenizer and sentence splitter: the annotation layer's sentences and the tagger's tokens.
// One linear regex scan; hyphenated words, initialisms (U.S.), known abbreviations (Mr.) stay whole;
// clitics ('s, n't) and punctuation are split off as in the CoNLL/PTB tokenisation the tagger was trained on.
import { readFileSync } from 'node:fs';
import { packagePath } from '../../paths.js';

export interface NerToken {
  text: string;
  /** Character offsets into the text the tokens came from, [start, end). */
  start: number;
  end: number;
}

let abbreviations: Set<string> | null = null;
function isAbbreviation(lowerWord: string): boolean {
  if (!abbreviations) {
    const data = JSON.parse(readFileSync(packagePath('src/nlp/ner/data/abbreviations.json'), 'utf8')) as {
      abbreviations: string[];
    };
    abbreviations = new Set(data.abbreviations);
  }
  return abbreviations.has(lowerWord);
}

// Order matters: the first alternative that matches at a position wins.
const TOKEN = new RegExp(
  [
    String.raw`https?:\/\/[^\s<>"]+[^\s<>".,;:!?)\]'’]`, // URL, minus trailing punctuation
    String.raw`(?:\p{L}\.){2,}`, // initialisms: U.S., e.g.
    String.raw`\p{L}+(?=[nN]['’][tT]\b)`, // "do" of "don't"
    String.raw`[nN]['’][tT]\b`, // "n't"
    String.raw`['’](?:[sSdDmM]|re|RE|ll|LL|ve|VE)\b`, // clitics: 's 're 'll 've 'd 'm
    String.raw`\p{Lu}['’]\p{L}+(?:-\p{L}+)*`, // O'Brien, D'Souza
    String.raw`\p{N}+(?:[.,:/-]\p{N}+)*`, // 1,000.5  12:30  1996-08-22
    String.raw`[\p{L}\p{M}\p{N}_]+(?:[-&][\p{L}\p{M}\p{N}_]+)*`, // words, hyphenated words, AT&T
    String.raw`\.{2,}|-{2,}|\S`, // ellipsis, dashes, any other single character
  ].join('|'),
  'uy',
);

/** Terminal punctuation: a stop, "!", "?", an ellipsis (of any length). */
const SENTENCE_END = /^(?:[.!?…]|\.{3,})$/;
const WORD_START = /^[\p{L}\p{N}]/u;
const CLOSERS = new Set(['"', "'", '”', '’', ')', ']', '»']);
/** Longest sentence handed to the tagger; longer runs (tables, lists without punctuation) are cut. */
const MAX_SENTENCE_TOKENS = 200;
/** Line lengths (characters) that tell paragraph-per-line text and headings from hard-wrapped text. */
const LONG_LINE = 100;
const SHORT_LINE = 50;

/** How sentences are split; the defaults suit hard-wrapped or pasted text in mixed case. */
export interface SplitOptions {
  /** Every line break ends a sentence (text that puts one paragraph or headline per line). */
  everyLine?: boolean;
  /** The text is in one case, so a lower-case word after terminal punctuation starts a sentence too. */
  caseless?: boolean;
  /** Longest sentence in tokens; longer runs are cut. */
  maxTokens?: number;
}

/** Can a token begin a sentence: a capital, a digit, an opening quote or bracket, or a letter of a script
 * without case (any letter at all in `caseless` text). */
function startsSentence(text: string, caseless = false): boolean {
  const c = text[0]!;
  const lower = c.toLowerCase();
  if (c !== lower || (c >= '0' && c <= '9') || '"“‘\'`(['.includes(c)) return true;
  return (caseless || lower === c.toUpperCase()) && LETTER.test(c);
}
const LETTER = /\p{L}/u;

/**
 * Does a single line break before `next` end a sentence? Yes after a long line (text with one paragraph
 * per line, as pasted web pages are) and after a short line followed by a capital (a heading or caption);
 * no inside hard-wrapped text, whose lines are of middling length.
 */
function endsLine(text: string, lineEnd: number, next: string): boolean {
  const length = lineEnd - (text.lastIndexOf('\n', lineEnd - 1) + 1);
  if (length > LONG_LINE) return true;
  const before = text[lineEnd - 1]!;
  return length < SHORT_LINE && startsSentence(next) && !',;:-&'.includes(before);
}

/** Splits text into sentences of tokens with character offsets, plus `offset` (where `text` begins in a longer
 * text it was sliced from). Blank lines always end a sentence. */
export function tokenizeForNer(text: string, offset = 0, options: SplitOptions = {}): NerToken[][] {
  const { everyLine = false, caseless = false, maxTokens = MAX_SENTENCE_TOKENS } = options;
  const sentences: NerToken[][] = [];
  let current: NerToken[] = [];
  let pendingEnd = false; // saw terminal punctuation; end the sentence before the next capitalised token
  let hasWord = false; // the current sentence has a word or number: "..." opening a quote ends nothing
  let lastEnd = 0;
  const flush = (): void => {
    if (current.length > 0) sentences.push(current);
    current = [];
    pendingEnd = false;
    hasWord = false;
  };
  // Every position that is not whitespace starts a token (the last alternative takes any character), so the
  // scan skips whitespace and matches the sticky pattern there: test() builds no match array.
  for (let at = skipSpace(text, 0); at < text.length; at = skipSpace(text, lastEnd)) {
    TOKEN.lastIndex = at;
    TOKEN.test(text);
    let end = TOKEN.lastIndex;
    let word = text.slice(at, end);
    if (text.charCodeAt(end) === 46 /* . */ && /^\p{L}+$/u.test(word)) {
      const single = word.length === 1 && word !== word.toLowerCase();
      if (single || isAbbreviation(word.toLowerCase())) {
        word += '.';
        end++;
      }
    }
    if (at > lastEnd && hasLineBreak(text, lastEnd, at)) {
      if (everyLine || /\n[^\S\n]*\n/.test(text.slice(lastEnd, at)) || endsLine(text, lastEnd, word)) flush();
    }
    if (pendingEnd) {
      // A quote or bracket touching the terminal punctuation closes that sentence; after a space it opens the next.
      const closes = at === lastEnd && CLOSERS.has(word);
      if (!closes && startsSentence(word, caseless)) flush();
      else if (!closes) pendingEnd = false;
    }
    current.push({ text: word, start: offset + at, end: offset + end });
    if (hasWord && mayEndSentence(word.charCodeAt(0)) && SENTENCE_END.test(word)) {
      // In text of one case an initial is a letter and a separate stop ("carlos a. morales"): no sentence end.
      const before = current.length > 1 ? current[current.length - 2]!.text : '';
      pendingEnd = !(caseless && word === '.' && at === lastEnd && before.length === 1 && LETTER.test(before));
    }
    hasWord ||= WORD_START.test(word);
    if (current.length >= maxTokens) flush();
    lastEnd = end;
  }
  flush();
  return sentences;
}

/** The first character of a SENTENCE_END token: ".", "!", "?" or "…" (a cheap test before the pattern's). */
function mayEndSentence(code: number): boolean {
  return code === 46 || code === 33 || code === 63 || code === 0x2026;
}

/** The first position at or after `from` that is not whitespace (as the patterns' \s), or the text's length. */
function skipSpace(text: string, from: number): number {
  let i = from;
  while (i < text.length && isSpace(text.charCodeAt(i))) i++;
  return i;
}

/** Whether a UTF-16 code unit is whitespace as JavaScript patterns' \s see it. */
export function isSpace(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  return c >= 0xa0 && (c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff);
}

function hasLineBreak(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (text.charCodeAt(i) === 10) return true;
  return false;
}
