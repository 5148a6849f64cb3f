// Language of an article's text: franc-min trigram detection, reported as ISO 639-1.
import { franc } from 'franc-min';
import { loadExtractData } from './data.js';

const { codes } = loadExtractData<{ codes: Record<string, string | null> }>('languages.json');

/** Below this many characters trigram statistics are too thin to trust. */
const MIN_CHARS = 50;
/** A news paragraph or two identifies the language; franc's cost grows with the sample, so huge texts stay cheap. */
const SAMPLE_CHARS = 1500;

/** ISO 639-1 code of the text's language, or null when the text is too short or the language unknown. */
export function detectLanguage(text: string): string | null {
  const sample = text.slice(0, SAMPLE_CHARS).normalize('NFKC');
  if (sample.replace(/\s+/gu, '').length < MIN_CHARS) return null;
  const iso3 = franc(sample, { minLength: MIN_CHARS });
  return codes[iso3] ?? null;
}
