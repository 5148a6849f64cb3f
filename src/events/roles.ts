// Who, where, with what and against whom, read from one sentence's entities (sorted by start) and the role lexicons.
import type { EntityMention, Span } from '../types.js';
import type { EventLexicon } from './lexicon.js';
import type { MentionPerpetrator, MentionPlace, RoleFiller } from './types.js';

function filler(text: string, span: Span): RoleFiller {
  return { text: text.slice(span.start, span.end), start: span.start, end: span.end };
}

function fromEntity(e: EntityMention): RoleFiller {
  return e.id ? { text: e.text, start: e.start, end: e.end, id: e.id } : { text: e.text, start: e.start, end: e.end };
}

// Entity lists are sorted by start. Lookups near a position scan only the entities within reach of it, so a huge
// sentence with many entities and many cues stays linear.

/** Index of the first entity starting at or after `pos`. */
function firstFrom(entities: EntityMention[], pos: number): number {
  let lo = 0;
  let hi = entities.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (entities[mid]!.start < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The nearest accepted entity starting within `reach` characters after `pos`. */
function nearestAfter(entities: EntityMention[], pos: number, reach: number, accept: (e: EntityMention) => boolean): EntityMention | undefined {
  for (let i = firstFrom(entities, pos); i < entities.length && entities[i]!.start - pos <= reach; i++) if (accept(entities[i]!)) return entities[i];
  return undefined;
}

// Entity mentions longer than this are not names; it bounds how far back a lookup scans.
const MAX_ENTITY_LENGTH = 120;

/** The nearest accepted entity ending within `reach` characters before `pos`. */
function nearestBefore(entities: EntityMention[], pos: number, reach: number, accept: (e: EntityMention) => boolean): EntityMention | undefined {
  let best: EntityMention | undefined;
  for (let i = firstFrom(entities, pos) - 1; i >= 0 && entities[i]!.start >= pos - reach - MAX_ENTITY_LENGTH; i--) {
    const e = entities[i]!;
    if (e.end <= pos && pos - e.end <= reach && accept(e) && (!best || e.end > best.end)) best = e;
  }
  return best;
}

/** Whether `span` stands as the doer of one of the triggers: just before it ("gunmen stormed") or after "by". */
function actsIn(text: string, span: Span, triggers: Span[], lex: EventLexicon): boolean {
  if (/\bby (?:the |a |an )?$/i.test(text.slice(Math.max(0, span.start - 8), span.start))) return true;
  return triggers.some((t) => t.start >= span.end && t.start - span.end <= lex.maxRoleDistance) || triggers.some((t) => t.start <= span.start && t.end >= span.end);
}

/** Whether `span` follows one of the triggers closely, as its object ("attacked the embassy"). */
function hitBy(span: Span, triggers: Span[], lex: EventLexicon): boolean {
  return triggers.some((t) => span.start >= t.start && span.start - t.end <= lex.maxRoleDistance);
}

/**
 * Named perpetrators near attribution cues, and perpetrator descriptions ("gunmen") where they act: before a
 * trigger or after "by" (the police or troops named elsewhere in a sentence are usually responders).
 */
export function perpetrators(text: string, sentence: Span, entities: EntityMention[], triggers: Span[], lex: EventLexicon): MentionPerpetrator[] {
  const out: MentionPerpetrator[] = [];
  const seen = new Set<number>();
  for (const hit of lex.perpetratorCues.find(text.slice(sentence.start, sentence.end), sentence.start)) {
    const cue = lex.perpetratorCueInfo.get(hit.phrase);
    if (!cue) continue;
    const accept = (e: EntityMention) => cue.types.includes(e.type);
    const nearest = cue.side === 'after' ? nearestAfter(entities, hit.end, lex.maxRoleDistance, accept) : nearestBefore(entities, hit.start, lex.maxRoleDistance, accept);
    if (!nearest || seen.has(nearest.start)) continue;
    seen.add(nearest.start);
    out.push({ ...fromEntity(nearest), name: nearest.name ?? nearest.text, status: cue.status, entityType: nearest.type });
  }
  // A group named as the subject of a trigger: "the Red Dawn movement bombed", "Red Dawn gunmen stormed".
  for (const t of triggers) {
    const subject = nearestBefore(entities, t.start, 25, (e) => e.type === 'ORG' && /^[\p{L}\s-]*$/u.test(text.slice(e.end, t.start)));
    if (!subject || seen.has(subject.start)) continue;
    seen.add(subject.start);
    out.push({ ...fromEntity(subject), name: subject.name ?? subject.text, status: 'attributed', entityType: subject.type });
  }
  for (const hit of lex.perpetratorDescriptions.find(text.slice(sentence.start, sentence.end), sentence.start)) {
    if (!actsIn(text, hit, triggers, lex)) continue;
    // A nationality just before the description belongs to it: "Tajik gunmen", "Salvadoran guerrillas".
    const nationality = nearestBefore(entities, hit.start, 1, (e) => e.type === 'NORP' && /^\s*$/.test(text.slice(e.end, hit.start)));
    const f = filler(text, { start: nationality?.start ?? hit.start, end: hit.end });
    out.push({ ...f, name: f.text, status: 'attributed', entityType: 'DESCRIPTION' });
  }
  return out;
}

/**
 * Places of the incident: venues (FAC) anywhere in the sentence, and towns, regions and countries introduced by a
 * locative preposition ("in X", "near X") — a bare country name is usually a speaker ("Russia said"), not a place.
 */
export function places(text: string, sentence: Span, entities: EntityMention[], lex: EventLexicon): MentionPlace[] {
  const out: MentionPlace[] = [];
  for (const e of entities) {
    if (e.type !== 'FAC' && e.type !== 'GPE' && e.type !== 'LOC') continue;
    const before = text.slice(Math.max(sentence.start, e.start - 40), e.start).toLowerCase().replace(/\s+/g, ' ');
    const introduced = lex.placeIntro.test(before);
    if (e.type === 'FAC' || introduced) out.push({ ...fromEntity(e), name: e.name ?? e.text, entityType: e.type });
  }
  // Most specific first: a venue, then a town before its region or country (the order of the sentence otherwise).
  const rank = (p: MentionPlace) => (p.entityType === 'FAC' ? 0 : p.entityType === 'GPE' ? 1 : 2);
  return out.sort((a, b) => rank(a) - rank(b) || a.start - b.start);
}

/** Named people harmed: "killed X", "the murder of X", "X was kidnapped". */
export function victims(text: string, sentence: Span, entities: EntityMention[], lex: EventLexicon): RoleFiller[] {
  const person = (e: EntityMention) => e.type === 'PERSON';
  const slice = text.slice(sentence.start, sentence.end);
  const out = new Map<number, RoleFiller>();
  for (const hit of lex.victimsAfter.find(slice, sentence.start)) {
    const p = nearestAfter(entities, hit.end, 20, person);
    if (p) out.set(p.start, fromEntity(p));
  }
  for (const hit of lex.victimsBefore.find(slice, sentence.start)) {
    const p = nearestBefore(entities, hit.start, 20, person);
    if (p) out.set(p.start, fromEntity(p));
  }
  return [...out.values()].sort((a, b) => a.start - b.start);
}

export function weapons(text: string, sentence: Span, lex: EventLexicon): RoleFiller[] {
  return lex.weapons.find(text.slice(sentence.start, sentence.end), sentence.start).map((h) => filler(text, h));
}

/** Physical targets: named venues, and target nouns of the lexicon that follow a trigger ("bombed the embassy"). */
export function targets(text: string, sentence: Span, entities: EntityMention[], triggers: Span[], lex: EventLexicon): RoleFiller[] {
  const nouns = lex.targets.find(text.slice(sentence.start, sentence.end), sentence.start).filter((h) => hitBy(h, triggers, lex)).map((h) => filler(text, h));
  const venues = entities.filter((e) => e.type === 'FAC');
  // A target noun inside a venue's name ("hall" in "Lakeside Concert Hall") is that venue.
  const covered = (f: RoleFiller) => {
    for (let i = firstFrom(venues, f.start + 1) - 1; i >= 0 && venues[i]!.start >= f.start - MAX_ENTITY_LENGTH; i--) if (venues[i]!.end >= f.end) return true;
    return false;
  };
  return [...venues.map(fromEntity), ...nouns.filter((n) => !covered(n))].sort((a, b) => a.start - b.start);
}
