// Guesses the single-byte charset of text that declared none (or declared UTF-8 but is not valid UTF-8).
// Two questions, each answered from the bytes: is this Cyrillic or Latin, and if Cyrillic, which of the two
// common Russian code pages makes the letters look like Russian?
import iconv from 'iconv-lite';
import { loadIngestData } from './data.js';

export type LegacyCharset = 'windows-1251' | 'koi8-r' | 'windows-1252';

const letterFrequency = loadIngestData<Record<string, number>>('russian-letter-frequency.json');
const UNSEEN_LETTER = 0.0001;

const isAsciiLetter = (b: number): boolean => (b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a);
// Letters of both Cyrillic code pages (and accented Latin in windows-1252) live at 0xC0-0xFF; Ё/ё sit lower.
const isHighLetter = (b: number): boolean => b >= 0xc0 || b === 0xa8 || b === 0xb8 || b === 0xa3 || b === 0xb3;

/**
 * Cyrillic text is written in words made only of high bytes; Latin text with accents puts single high bytes
 * inside ASCII words ("été", "Zürich"). Counting high bytes by the kind of word they sit in settles the script.
 */
function looksCyrillic(bytes: Uint8Array): boolean {
  let inPureWords = 0;
  let inMixedWords = 0;
  let high = 0;
  let ascii = 0;
  const endWord = (): void => {
    if (high > 0 && ascii > 0) inMixedWords += high;
    else if (high >= 2) inPureWords += high; // one-letter words ("à", "в") say nothing either way
    high = 0;
    ascii = 0;
  };
  for (const b of bytes) {
    if (isAsciiLetter(b)) ascii++;
    else if (isHighLetter(b)) high++;
    else endWord();
  }
  endWord();
  return inPureWords > inMixedWords;
}

/**
 * Log-likelihood of the decoded text under Russian letter frequencies, with a case model: running text is
 * mostly lower case, and a capital right after a letter is rare. The wrong code page swaps common and rare
 * letters and upper and lower case, so it scores far lower.
 */
export function russianScore(text: string): number {
  let score = 0;
  let previousWasLetter = false;
  for (const ch of text) {
    const lower = ch.toLowerCase();
    const freq = letterFrequency[lower];
    const isLetter = freq !== undefined || (lower >= 'а' && lower <= 'я');
    if (isLetter) {
      score += Math.log(freq ?? UNSEEN_LETTER);
      if (ch !== lower) score += Math.log(previousWasLetter ? 0.02 : 0.3);
    }
    previousWasLetter = isLetter;
  }
  return score;
}

export function guessLegacyCharset(bytes: Buffer): LegacyCharset {
  if (!looksCyrillic(bytes)) return 'windows-1252';
  const sample = bytes.subarray(0, 64 * 1024);
  const cp1251 = russianScore(iconv.decode(sample, 'windows-1251'));
  const koi8 = russianScore(iconv.decode(sample, 'koi8-r'));
  return koi8 > cp1251 ? 'koi8-r' : 'windows-1251';
}
