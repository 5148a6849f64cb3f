// matchKnown: every known entity named in a text, as exact spans. One pass of a trie of all aliases of the
// knowledge base, countries, nationalities and bigger places over the text's word starts; then case rules,
// whole-word boundaries, and longest-leftmost selection of non-overlapping matches.
import { catalogEntries } from './catalog.js';
import { countryData } from './countries.js';
import type { KnownEntity, KnownMatch } from './entity.js';
import { placeNamesForMatching } from './gazetteer.js';
import { caseMatches, matchingRules, needsExactCase } from './rules.js';
import { foldForMatch, isWordUnit, PatternTrie } from './trie.js';

/** Towns smaller than this are linked when asked for but not spotted in running text (too many are common words). */
const MATCH_MIN_POPULATION = 50000;

interface Candidate {
  alias: string;
  exact: boolean;
  entity: KnownEntity;
  /** Lower wins when one alias names several entities: curated entries, then countries, peoples, bigger places. */
  rank: number;
}

interface MatchIndex {
  trie: PatternTrie;
  candidates: Candidate[][];
}

let index: MatchIndex | null = null;

function buildIndex(): MatchIndex {
  const byPattern = new Map<string, Candidate[]>();
  const add = (alias: string, entity: KnownEntity, exact: boolean, rank: number): void => {
    const key = foldForMatch(alias);
    if (key === '') return;
    const list = byPattern.get(key) ?? [];
    if (!list.some((c) => c.entity.id === entity.id && c.alias === alias)) list.push({ alias, exact, entity, rank });
    byPattern.set(key, list);
  };
  // People are not spotted here: the tagger finds them with their titles and roles, and linkName names them.
  for (const e of catalogEntries()) if (e.type !== 'PERSON') for (const alias of namesOf(e)) add(alias, e, needsExactCase(alias), 0);
  // Country names, peoples and places are proper nouns: "Turkey", "Chad", "Russian", "Reading" only with capitals.
  const { countries, nationalities } = countryData();
  for (const e of countries) for (const alias of namesOf(e)) add(alias, e, true, 1);
  for (const e of nationalities) for (const alias of namesOf(e)) add(alias, e, true, 2);
  const stop = matchingRules().placeStopwordSet;
  for (const { name, entity, weight } of placeNamesForMatching(MATCH_MIN_POPULATION)) {
    if (!stop.has(name)) add(name, entity, true, 3 + 1 / (1 + weight));
  }
  const patterns = [...byPattern.keys()];
  const candidates = patterns.map((p) => byPattern.get(p)!.sort((a, b) => a.rank - b.rank));
  return { trie: new PatternTrie(patterns), candidates };
}

function namesOf(e: KnownEntity): string[] {
  // Display names with a parenthesised qualifier ("Ministry of Defence (United Kingdom)") are never written so in text.
  return [e.name, ...e.aliases].filter((n) => !n.includes('('));
}

/** Known entities named in `text`: whole words, case rules applied, longest-leftmost, non-overlapping, in order. */
export function matchKnown(text: string): KnownMatch[] {
  index ??= buildIndex();
  const found: KnownMatch[] = [];
  for (const hit of index.trie.search(text)) {
    if (hit.end < text.length && isWordUnit(text.charCodeAt(hit.end))) continue;
    const span = text.slice(hit.start, hit.end);
    const chosen = index.candidates[hit.pattern]!.find((c) => !c.exact || caseMatches(span, c.alias));
    if (chosen) found.push({ start: hit.start, end: hit.end, text: span, entity: chosen.entity });
  }
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const selected: KnownMatch[] = [];
  let reached = 0;
  for (const m of found) {
    if (m.start < reached) continue;
    selected.push(m);
    reached = m.end;
  }
  return selected;
}
