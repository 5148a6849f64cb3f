// Language of an article's text, reported as ISO 639-1: a closed-class word test recognises English running text
// cheaply; anything else goes to franc-min's trigram detection, which costs about a millisecond per article.
import { franc } from 'franc-min';
import { loadExtractData } from './data.js';

interface LanguageData {
  codes: Record<string, string | null>;
  english: { markers: string[]; minMarkerShare: number; minTheShare: number };
}

const { codes, english } = loadExtractData<LanguageData>('languages.json');
const markers = new Set(english.markers);

/** Below this many characters trigram statistics are too thin to trust. */
const MIN_CHARS = 50;
/** A news paragraph or two identifies the language; franc's cost grows with the sample, so huge texts stay cheap. */
const SAMPLE_CHARS = 1500;
const WORD = /\p{L}+/gu;

/** Whether the sample reads as English: enough of its words are English closed-class words, "the" among them. */
function looksEnglish(sample: string): boolean {
  let words = 0;
  let marked = 0;
  let the = 0;
  for (const [word] of sample.toLowerCase().matchAll(WORD)) {
    words++;
    if (!markers.has(word)) continue;
    marked++;
    if (word === 'the') the++;
  }
  return words > 0 && marked >= english.minMarkerShare * words && the >= english.minTheShare * words;
}

/** ISO 639-1 code of the text's language, or null when the text is too short or the language unknown. */
export function detectLanguage(text: string): string | null {
  const sample = text.slice(0, SAMPLE_CHARS).normalize('NFKC');
  if (sample.replace(/\s+/gu, '').length < MIN_CHARS) return null;
  if (looksEnglish(sample)) return 'en';
  const iso3 = franc(sample, { minLength: MIN_CHARS });
  return codes[iso3] ?? null;
}
