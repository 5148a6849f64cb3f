// Entity mentions: the statistical tagger (src/nlp/ner) proposes spans, the knowledge base names and links
// them. Knowledge-base matches win where the two overlap, because they carry an id and a canonical name.
import type { EntityMention, EntityType, Span } from '../types.js';
import { loadData } from './data.js';
import type { KnowledgeBase, KnownEntity } from './knowledge-base.js';
import { tagTokens, tokenizeForNer, type NerSpan, type NerToken } from './ner/index.js';
import { isTitle, personMention, resolvePeople, startsWithTitle } from './persons.js';

interface EntityKinds {
  gpe: string[];
  fac: string[];
  norp: string[];
  nameStopWords: string[];
}

const kinds = loadData<EntityKinds>('entity-kinds.json');
const gpeKinds = new Set(kinds.gpe);
const facKinds = new Set(kinds.fac);
const norpKinds = new Set(kinds.norp);
const nameStopWords = new Set(kinds.nameStopWords);
const ENTITY_TYPES = new Set<string>(['PERSON', 'ORG', 'GPE', 'LOC', 'FAC', 'NORP']);
/** The tagger's cost grows with sentence length only linearly, but run-on "sentences" (tables, lists) carry
 * no useful context past this many tokens, so they are tagged in pieces. */
const MAX_TAGGER_TOKENS = 200;
const NAME_WORD = /^(?:\p{Lu}[\p{L}\p{M}'’-]+|\p{Lu}\.)$/u;

/** Entity mentions in `text`, given its sentences. `kb` is null when the knowledge base is unavailable;
 * mentions then carry no ids except for people, and places stay LOC. */
export function findEntities(text: string, sentences: Span[], kb: KnowledgeBase | null): EntityMention[] {
  const known: EntityMention[] = kb ? kb.matchKnown(text).map((m) => fromKnown(text, m, m.entity)).filter((m): m is EntityMention => m !== null) : [];
  const proposed = tagSentences(text, sentences);
  const mentions = [...known];
  const taken = (s: Span) => mentions.some((m) => m.start < s.end && s.start < m.end);
  for (const span of proposed) {
    const mention = typeSpan(text, span, kb);
    if (mention && !taken(mention)) mentions.push(mention);
  }
  mentions.sort((a, b) => a.start - b.start);
  return resolvePeople(mentions, (name) => {
    const entry = kb?.linkName(name, 'PER');
    return entry && mapType(entry) === 'PERSON' ? { id: entry.id, name: entry.name } : null;
  });
}

function tagSentences(text: string, sentences: Span[]): NerSpan[] {
  const input: NerToken[][] = [];
  for (const s of sentences) {
    const tokens = tokenizeForNer(text.slice(s.start, s.end)).flat();
    for (let i = 0; i < tokens.length; i += MAX_TAGGER_TOKENS) {
      input.push(tokens.slice(i, i + MAX_TAGGER_TOKENS).map((t) => ({ text: t.text, start: t.start + s.start, end: t.end + s.start })));
    }
  }
  return tagTokens(input).flat();
}

/** Types one tagger span: PER -> PERSON, LOC -> GPE/FAC/LOC by what it links to, ORG -> ORG, MISC -> NORP
 * when it names a nationality, religion or political group (else dropped). */
function typeSpan(text: string, span: NerSpan, kb: KnowledgeBase | null): EntityMention | null {
  const surface = text.slice(span.start, span.end);
  if (span.type === 'PER' || startsWithTitle(surface)) return personMention(text, extendName(text, span));
  const linked = kb?.linkName(surface, span.type === 'MISC' ? undefined : span.type) ?? null;
  if (linked) {
    const mention = fromKnown(text, span, linked);
    if (mention && (span.type !== 'MISC' || mention.type === 'NORP')) return mention;
  }
  if (span.type === 'ORG') return { start: span.start, end: span.end, text: surface, type: 'ORG' };
  if (span.type === 'LOC') return { start: span.start, end: span.end, text: surface, type: 'LOC' };
  const people = kb?.demonym(surface);
  return people ? { start: span.start, end: span.end, text: surface, type: 'NORP', name: surface } : null;
}

function fromKnown(text: string, span: Span, entity: KnownEntity): EntityMention | null {
  const type = mapType(entity);
  return type ? { start: span.start, end: span.end, text: text.slice(span.start, span.end), type, id: entity.id, name: entity.name } : null;
}

function mapType(entity: KnownEntity): EntityType | null {
  if (gpeKinds.has(entity.kind)) return 'GPE';
  if (facKinds.has(entity.kind)) return 'FAC';
  if (norpKinds.has(entity.kind)) return 'NORP';
  if (entity.type === 'PER') return 'PERSON';
  return ENTITY_TYPES.has(entity.type) ? (entity.type as EntityType) : null;
}

/** The tagger sometimes starts a name late ("D. Haines" for "Avril D. Haines"): take in up to two
 * capitalised words or initials directly before it. */
function extendName(text: string, span: Span): Span {
  let start = span.start;
  for (let words = 0; words < 2; words++) {
    const m = /(\S+) $/u.exec(text.slice(Math.max(0, start - 40), start));
    if (!m || !NAME_WORD.test(m[1]) || nameStopWords.has(m[1]) || isTitle(m[1])) break;
    start -= m[0].length;
  }
  return { start, end: span.end };
}
