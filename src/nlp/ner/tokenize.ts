// A small, fast PTB-like tokenizer and sentence splitter for callers that have no tokens of their own.
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
  'gu',
);

const SENTENCE_END = new Set(['.', '!', '?', '...', '…']);
const CLOSERS = new Set(['"', "'", '”', '’', ')', ']', '»']);
/** Longest sentence handed to the tagger; longer runs (tables, lists without punctuation) are cut. */
const MAX_SENTENCE_TOKENS = 200;
/** Line lengths (characters) that tell paragraph-per-line text and headings from hard-wrapped text. */
const LONG_LINE = 100;
const SHORT_LINE = 50;

function startsSentence(text: string): boolean {
  const c = text[0]!;
  return c !== c.toLowerCase() || (c >= '0' && c <= '9') || '"“‘\'(['.includes(c);
}

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
export function tokenizeForNer(text: string, offset = 0): NerToken[][] {
  const sentences: NerToken[][] = [];
  let current: NerToken[] = [];
  let pendingEnd = false; // saw terminal punctuation; end the sentence before the next capitalised token
  let lastEnd = 0;
  const flush = (): void => {
    if (current.length > 0) sentences.push(current);
    current = [];
    pendingEnd = false;
  };
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(text); m !== null; m = TOKEN.exec(text)) {
    let word = m[0];
    let end = m.index + word.length;
    if (text.charCodeAt(end) === 46 /* . */ && /^\p{L}+$/u.test(word)) {
      const single = word.length === 1 && word !== word.toLowerCase();
      if (single || isAbbreviation(word.toLowerCase())) {
        word += '.';
        end++;
        TOKEN.lastIndex = end;
      }
    }
    const gap = text.slice(lastEnd, m.index);
    // A quote or bracket touching the terminal punctuation closes that sentence; after a space it opens the next.
    const closes = gap === '' && CLOSERS.has(word);
    if (gap.includes('\n') && (/\n[^\S\n]*\n/.test(gap) || endsLine(text, lastEnd, word))) flush();
    else if (pendingEnd && !closes && startsSentence(word)) flush();
    else if (pendingEnd && !closes) pendingEnd = false;
    current.push({ text: word, start: offset + m.index, end: offset + end });
    if (SENTENCE_END.has(word)) pendingEnd = true;
    if (current.length >= MAX_SENTENCE_TOKENS) flush();
    lastEnd = end;
  }
  flush();
  return sentences;
}
