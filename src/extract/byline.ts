// Bylines in pasted text: "By Jane Doe", "Jane Doe | Reporter".
import { each, loadExtractData } from './data.js';

interface BylineFile {
  patterns: string[];
  nameParticles: string[];
}

const data = loadExtractData<BylineFile>('byline.json');
const patterns = each(data.patterns);
const particles = new Set(data.nameParticles);
const MAX_LINE = 120;
const MAX_NAME_WORDS = 8;

/** Capitalised words (with name particles such as "van", "al", "and" between them), no digits. */
function looksLikeName(name: string): boolean {
  const words = name.split(/\s+/u);
  if (words.length > MAX_NAME_WORDS || /\d/u.test(name)) return false;
  const capitalised = words.filter((w) => /^\p{Lu}/u.test(w));
  return capitalised.length > 0 && words.every((w) => /^\p{Lu}/u.test(w) || particles.has(w.toLowerCase()));
}

/** The name in a byline line, or null when the line is not a byline. */
export function bylineFromLine(line: string): string | null {
  if (line.length > MAX_LINE) return null;
  for (const pattern of patterns) {
    const name = pattern.exec(line)?.[1]?.trim();
    if (name && looksLikeName(name)) return name;
  }
  return null;
}
