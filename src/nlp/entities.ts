// Entity mentions: the statistical tagger (src/nlp/ner) proposes spans, the knowledge base names and links
// them. Knowledge-base matches win where the two overlap, because they carry an id and a canonical name.
import type { KnownEntity, KnownMatch, LinkContext } from '../knowledge/index.js';
import type { EntityMention, EntityType, Span } from '../types.js';
import type { KnowledgeBase } from './knowledge-base.js';
import type { Sentence } from './tokens.js';
import { tagTokens, type NerSpan, type NerToken } from './ner/index.js';
import { adoptSurnames, extendName, governmentHeads, joinParticleNames, personMention, resolvePeople, titledNames, titleOffset } from './persons.js';

/** Run-on "sentences" (tables, lists) carry no useful context past this many tokens, so they are tagged in
 * pieces and the tagger's cost stays linear. */
const MAX_TAGGER_TOKENS = 200;
const PLACE_TYPES = new Set<EntityType>(['GPE', 'LOC', 'FAC']);
const ORG_TYPES = new Set<EntityType>(['ORG', 'FAC']);
/** A namesake this much smaller than the place the matcher chose is a village that merely shares the name
 * (Moscow, Idaho in a report that also mentions the US), not the place meant. */
const MIN_NAMESAKE_SHARE = 0.1;

/** Entity mentions in `text`, given its sentences and their tokens, sorted by start and not overlapping. */
export function findEntities(text: string, sentences: Sentence[], kb: KnowledgeBase): EntityMention[] {
  const matches = relinkPlaces(kb.matchKnown(text), kb);
  const known = matches.map((m) => fromKnown(text, m, m.entity)).sort((a, b) => a.start - b.start);
  const context: LinkContext = { countries: countriesOf(matches) };
  const link = cachedLinks(kb, context);
  const tagged: EntityMention[] = [];
  let k = 0;
  for (const span of tagSentences(sentences)) {
    const mention = typeSpan(text, span, kb, link);
    if (!mention) continue;
    while (k < known.length && known[k].end <= mention.start) k++;
    if (k < known.length && known[k].start < mention.end) continue;
    const last = tagged[tagged.length - 1];
    // A person name extended to the left ("Colin P. Clarke") replaces the fragment tagged before it.
    if (last && last.end > mention.start) {
      if (mention.type !== 'PERSON') continue;
      tagged.pop();
    }
    tagged.push(mention);
  }
  // Repairs to the tagger's people come before resolution, so later mentions take the repaired full name:
  // names split at a particle are joined, titled names it missed are added. Lone surnames typed ORG or LOC, and
  // surnames before "administration", become people after resolution, when every person has a full name.
  const mentions = titledNames(text, joinParticleNames(text, [...known, ...tagged].sort((a, b) => a.start - b.start)));
  const linkPerson = (name: string): { id: string; name: string } | null => {
    const entry = link(name, 'PERSON');
    return entry ? { id: entry.id, name: entry.name } : null;
  };
  return governmentHeads(text, adoptSurnames(resolvePeople(mentions, linkPerson)), linkPerson);
}

function tagSentences(sentences: Sentence[]): NerSpan[] {
  const input: NerToken[][] = [];
  for (const { tokens } of sentences) {
    if (tokens.length <= MAX_TAGGER_TOKENS) input.push(tokens);
    else for (let i = 0; i < tokens.length; i += MAX_TAGGER_TOKENS) input.push(tokens.slice(i, i + MAX_TAGGER_TOKENS));
  }
  return tagTokens(input).flat();
}

/** Types one tagger span: PER -> PERSON; LOC -> GPE, FAC or LOC by what it links to; ORG -> ORG; MISC -> NORP
 * when it names a nationality, religion or political group, else nothing. */
function typeSpan(text: string, span: NerSpan, kb: KnowledgeBase, link: Link): EntityMention | null {
  const surface = text.slice(span.start, span.end);
  const titled = titleOffset(surface);
  if (span.type === 'PER' || titled >= 0) {
    return personMention(text, extendName(text, { start: span.start + Math.max(titled, 0), end: span.end }));
  }
  if (span.type === 'LOC') {
    const place = link(surface);
    if (place && PLACE_TYPES.has(place.type)) return fromKnown(text, span, place);
    return { start: span.start, end: span.end, text: surface, type: 'LOC' };
  }
  if (span.type === 'ORG') {
    const org = link(surface, 'ORG');
    if (org && ORG_TYPES.has(org.type)) return fromKnown(text, span, org);
    return { start: span.start, end: span.end, text: surface, type: 'ORG' };
  }
  const group = link(surface, 'NORP');
  if (group) return fromKnown(text, span, group);
  return kb.demonym(surface) ? { start: span.start, end: span.end, text: surface, type: 'NORP' } : null;
}

type Link = (surface: string, type?: EntityType) => KnownEntity | null;

/** linkName for one article: the same names recur, and a gazetteer lookup is not free. */
function cachedLinks(kb: KnowledgeBase, context: LinkContext): Link {
  const cache = new Map<string, KnownEntity | null>();
  return (surface, type) => {
    const key = `${type ?? ''}\t${surface}`;
    let entry = cache.get(key);
    if (entry === undefined) {
      entry = kb.linkName(surface, type, context);
      cache.set(key, entry);
    }
    return entry;
  };
}

function fromKnown(text: string, span: Span, entity: KnownEntity): EntityMention {
  return { start: span.start, end: span.end, text: text.slice(span.start, span.end), type: entity.type, id: entity.id, name: entity.name };
}

/**
 * The matcher picks the biggest of same-named towns and regions; one with a namesake in a country the rest of
 * the text is about is linked again with those countries ("Hyderabad" in a report on Pakistan is in Sindh).
 * A place's own mentions do not count as context, or the Indian Hyderabad would vouch for itself; a far smaller
 * namesake does not win.
 */
function relinkPlaces(matches: KnownMatch[], kb: KnowledgeBase): KnownMatch[] {
  const counts = countryCounts(matches);
  const mentionsOf = new Map<string, number>();
  for (const { entity } of matches) mentionsOf.set(entity.id, (mentionsOf.get(entity.id) ?? 0) + 1);
  const relinked = new Map<string, KnownEntity>();
  return matches.map((m) => {
    const { entity } = m;
    if (entity.kind !== 'city' && entity.kind !== 'admin-region') return m;
    const key = `${entity.id}\t${m.text}`;
    let chosen = relinked.get(key);
    if (chosen === undefined) {
      const others = new Map(counts);
      if (entity.country) others.set(entity.country, others.get(entity.country)! - mentionsOf.get(entity.id)!);
      const countries = byCount(others);
      const candidate = countries.length > 0 && !countries.includes(entity.country!) ? kb.linkName(m.text, undefined, { countries }) : null;
      const better =
        candidate &&
        PLACE_TYPES.has(candidate.type) &&
        candidate.country !== undefined &&
        countries.includes(candidate.country) &&
        (candidate.population ?? 0) >= (entity.population ?? 0) * MIN_NAMESAKE_SHARE;
      chosen = better ? candidate : entity;
      relinked.set(key, chosen);
    }
    return chosen === entity ? m : { ...m, entity: chosen };
  });
}

/** Countries the text's known places lie in, most mentioned first, to break ties between same-named places. */
function countriesOf(matches: KnownMatch[]): string[] {
  return byCount(countryCounts(matches));
}

function countryCounts(matches: KnownMatch[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const { entity } of matches) {
    if (entity.type === 'GPE' && entity.country) counts.set(entity.country, (counts.get(entity.country) ?? 0) + 1);
  }
  return counts;
}

/** Keys with a positive count, highest first. */
function byCount(counts: Map<string, number>): string[] {
  return [...counts.entries()]
    .filter(([, n]) => n > 0)
    .sort((a, b) => b[1] - a[1])
    .map(([country]) => country);
}
