// Loads the extractor's cue lists (data/cues.json) once and compiles them into sets and regular expressions.
import { readFileSync } from 'node:fs';
import { packagePath } from '../../paths.js';

interface CueFile {
  dropTags: string[];
  blockTags: string[];
  boilerplateRoles: string[];
  boilerplateClassPatterns: string[];
  contentClassPatterns: string[];
  boilerplatePhrases: string[];
}

export interface Cues {
  /** Elements dropped with everything inside them. */
  dropTags: ReadonlySet<string>;
  /** Elements that start a new paragraph in the output. */
  blockTags: ReadonlySet<string>;
  boilerplateRoles: ReadonlySet<string>;
  /** class/id of navigation, sharing, cookie, related-links… blocks. */
  boilerplateClass: RegExp;
  /** class/id that names the article body itself; protects an element from boilerplateClass. */
  contentClass: RegExp;
  /** Whole short paragraphs that are page furniture ("Advertisement", "Read more…"). */
  boilerplatePhrase: RegExp;
}

const anyOf = (sources: string[], flags = 'i'): RegExp => new RegExp(sources.map((s) => `(?:${s})`).join('|'), flags);

let cached: Cues | null = null;

export function loadCues(): Cues {
  if (cached) return cached;
  const file = JSON.parse(readFileSync(packagePath('src/extract/html/data/cues.json'), 'utf8')) as CueFile;
  cached = {
    dropTags: new Set(file.dropTags),
    blockTags: new Set(file.blockTags),
    boilerplateRoles: new Set(file.boilerplateRoles),
    boilerplateClass: anyOf(file.boilerplateClassPatterns),
    contentClass: anyOf(file.contentClassPatterns),
    boilerplatePhrase: anyOf(file.boilerplatePhrases, 'iu'),
  };
  return cached;
}

/** Whether one of the element's class names, or its id, matches the pattern. */
export function classOrIdMatches(attrs: Readonly<Record<string, string>>, pattern: RegExp): boolean {
  if (attrs.id && pattern.test(attrs.id)) return true;
  const classes = attrs.class;
  if (!classes) return false;
  for (const name of classes.split(/\s+/)) if (name !== '' && pattern.test(name)) return true;
  return false;
}
