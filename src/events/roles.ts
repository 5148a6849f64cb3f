// Who, where, with what and against whom, read from one sentence's entities (sorted by start) and the role lexicons.
import { getEntity } from '../knowledge/index.js';
import type { EntityMention, PerpetratorStatus, Span } from '../types.js';
import type { EventLexicon, VictimNameRules } from './lexicon.js';
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
  // "gunmen were killed": a passive verb after the words makes them the ones harmed, not the doers.
  if (/^\s+(?:[\p{L}]+\s+)?(?:was|were|been|being)\b/iu.test(text.slice(span.end, span.end + 40))) return false;
  return triggers.some((t) => t.start >= span.end && t.start - span.end <= lex.maxRoleDistance) || triggers.some((t) => t.start <= span.start && t.end >= span.end);
}

/** Whether `span` follows one of the triggers closely, as its object ("attacked the embassy"). */
function hitBy(span: Span, triggers: Span[], lex: EventLexicon): boolean {
  return triggers.some((t) => span.start >= t.start && span.start - t.end <= lex.maxRoleDistance);
}

/**
 * Whether a named entity can be a perpetrator: a person, an organisation other than one that only reports (a news
 * agency carrying a claim), or a NORP only when it names a group able to act (Islamists) rather than a nationality. A name followed by a speaker noun ("Russian officials
 * said") made a statement; places never act.
 */
function canPerpetrate(text: string, e: EntityMention, lex: EventLexicon): boolean {
  if (lex.speakerAfter.test(text.slice(e.end, e.end + 40))) return false;
  const kind = e.id ? getEntity(e.id)?.kind ?? '' : '';
  if (e.type === 'PERSON') return true;
  if (e.type === 'ORG') return !lex.reporterOrgKinds.has(kind);
  return e.type === 'NORP' && lex.groupNorpKinds.has(kind);
}

/**
 * Named perpetrators near attribution cues, and perpetrator descriptions ("gunmen") where they act: before a
 * trigger or after "by" (the police or troops named elsewhere in a sentence are usually responders). In a sentence
 * that reports an accusation ("officials suggested ...") every named perpetrator is only alleged.
 */
export function perpetrators(text: string, sentence: Span, entities: EntityMention[], triggers: Span[], lex: EventLexicon): MentionPerpetrator[] {
  const out: MentionPerpetrator[] = [];
  const seen = new Set<number>();
  const slice = text.slice(sentence.start, sentence.end);
  const accusation = lex.allegationCues.find(slice).length > 0;
  const named = (e: EntityMention, status: PerpetratorStatus): MentionPerpetrator => ({
    ...fromEntity(e),
    name: e.name ?? e.text,
    status: accusation && status === 'attributed' ? 'alleged' : status,
    entityType: e.type,
  });
  for (const hit of lex.perpetratorCues.find(slice, sentence.start)) {
    const cue = lex.perpetratorCueInfo.get(hit.phrase);
    if (!cue) continue;
    const accept = (e: EntityMention) => cue.types.includes(e.type);
    const nearest = cue.side === 'after' ? nearestAfter(entities, hit.end, lex.maxRoleDistance, accept) : nearestBefore(entities, hit.start, lex.maxRoleDistance, accept);
    // The cue's own name is rejected, not skipped for a farther one: "blamed on Belgians, and Red Dawn ..." names no group.
    if (!nearest || seen.has(nearest.start) || !canPerpetrate(text, nearest, lex)) continue;
    seen.add(nearest.start);
    out.push(named(nearest, cue.status));
  }
  // A group named as the subject of a trigger: "the Red Dawn movement bombed", "Red Dawn gunmen stormed".
  for (const t of triggers) {
    const subject = nearestBefore(entities, t.start, 25, (e) => e.type === 'ORG' && /^[\p{L}\s-]*$/u.test(text.slice(e.end, t.start)) && canPerpetrate(text, e, lex));
    if (!subject || seen.has(subject.start)) continue;
    seen.add(subject.start);
    out.push(named(subject, 'attributed'));
  }
  for (const hit of lex.perpetratorDescriptions.find(slice, sentence.start)) {
    if (!actsIn(text, hit, triggers, lex)) continue;
    // A nationality just before the description belongs to it: "Tajik gunmen", "Salvadoran guerrillas".
    const nationality = nearestBefore(entities, hit.start, 1, (e) => e.type === 'NORP' && /^\s*$/.test(text.slice(e.end, hit.start)));
    const f = filler(text, { start: nationality?.start ?? hit.start, end: hit.end });
    out.push({ ...f, name: f.text, status: accusation ? 'alleged' : 'attributed', entityType: 'DESCRIPTION' });
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

/**
 * A run of `minNameWords`..`maxNameWords` name-like words at `pos` (after spaces and one optional comma), or null. In a sentence without
 * capitals any word that is not a stop word, title or number may be a name; otherwise a name word is capitalised.
 */
function nameAt(text: string, pos: number, end: number, rules: VictimNameRules, caseless: boolean): Span | null {
  const lead = /^\s*,?\s*/.exec(text.slice(pos, Math.min(end, pos + 3)))!;
  const word = /[\p{L}][\p{L}'-]*/uy;
  let at = pos + lead[0].length;
  let first = -1;
  let last = -1;
  let words = 0;
  while (words < rules.maxNameWords && at < end) {
    word.lastIndex = at;
    const m = word.exec(text);
    if (!m || m.index + m[0].length > end) break;
    const raw = m[0].replace(/'s$/i, '');
    const lower = raw.toLowerCase();
    const connector = rules.connectors.has(lower);
    if (!connector && (rules.stops.has(lower) || rules.titleWords.has(lower) || raw.length < 2 || (!caseless && !/^\p{Lu}/u.test(raw)))) break;
    if (!connector) {
      if (first < 0) first = m.index;
      last = m.index + raw.length;
      words++;
    } else if (first < 0) break;
    if (raw.length < m[0].length) break;
    at = m.index + m[0].length;
    if (!/^ [\p{L}]/u.test(text.slice(at, at + 2))) break;
    at++;
  }
  return words < rules.minNameWords ? null : { start: first, end: last };
}

/**
 * Named victims found without entities: a name after a title near a cue ("the murder of the province governor X",
 * "murdered peasants X and Y"), straight after a cue ("the death of X Y"), or a
 * titled name just before a cue ("senator X was kidnapped"). Names joined by "and" or a comma are read too.
 */
function namedByTitle(text: string, sentence: Span, lex: EventLexicon): Span[] {
  const rules = lex.victimNames;
  const slice = text.slice(sentence.start, sentence.end);
  const caseless = !/\p{Lu}/u.test(slice);
  const titles = rules.titles.find(slice, sentence.start);
  const out: Span[] = [];
  const withConjuncts = (name: Span) => {
    out.push(name);
    for (let next = name, n = 0; n < 3; n++) {
      const joint = /^(?:,\s*|\s+and\s+|,\s*and\s+)/.exec(text.slice(next.end, next.end + 6));
      const more = joint ? nameAt(text, next.end + joint[0].length, sentence.end, rules, caseless) : null;
      if (!more) break;
      out.push(more);
      next = more;
    }
  };
  for (const cue of lex.victimsAfter.find(slice, sentence.start)) {
    const name =
      titles.filter((t) => t.start >= cue.end && t.start - cue.end <= rules.titleReach).map((t) => nameAt(text, t.end, sentence.end, rules, caseless)).find((n) => n) ??
      nameAt(text, cue.end, sentence.end, rules, caseless);
    if (name) withConjuncts(name);
  }
  for (const cue of lex.victimsBefore.find(slice, sentence.start)) {
    for (const t of titles) {
      const name = t.end < cue.start ? nameAt(text, t.end, cue.start, rules, caseless) : null;
      if (name && cue.start - name.end <= rules.cueReach) out.push(name);
    }
  }
  return out;
}

/** Named people harmed: "killed X", "the murder of X", "X was kidnapped"; by PERSON entities, else by titles and cues. */
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
  // A name the entity layer already has wins; the title path adds only names it did not see.
  const covered = (n: Span) => entities.some((e) => e.start <= n.start && n.end <= e.end);
  for (const name of namedByTitle(text, sentence, lex)) if (!out.has(name.start) && !covered(name)) out.set(name.start, filler(text, name));
  return [...out.values()].sort((a, b) => a.start - b.start);
}

export function weapons(text: string, sentence: Span, lex: EventLexicon): RoleFiller[] {
  return lex.weapons.find(text.slice(sentence.start, sentence.end), sentence.start).map((h) => filler(text, h));
}

/**
 * Where a target noun's phrase starts once the words modifying it are taken in ("power substation"): up to
 * `maxTargetModifiers` plain words before it, stopping at a function word, a past participle or a trigger.
 */
function withModifiers(text: string, sentence: Span, noun: Span, triggers: Span[], lex: EventLexicon): number {
  let start = noun.start;
  for (let n = 0; n < lex.maxTargetModifiers; n++) {
    const m = /(?:^|\s)([\p{L}]+)\s+$/u.exec(text.slice(Math.max(sentence.start, start - 40), start));
    if (!m) break;
    const wordStart = start - m[0].length + m[0].indexOf(m[1]!);
    const word = m[1]!.toLowerCase();
    if (lex.targetModifierStops.has(word) || /ed$/.test(word) || triggers.some((t) => t.end > wordStart && t.start < start)) break;
    start = wordStart;
  }
  return start;
}

/** Physical targets: named venues, and target nouns of the lexicon that follow a trigger ("bombed the embassy"). */
export function targets(text: string, sentence: Span, entities: EntityMention[], triggers: Span[], lex: EventLexicon): RoleFiller[] {
  const nouns = lex.targets
    .find(text.slice(sentence.start, sentence.end), sentence.start)
    .filter((h) => hitBy(h, triggers, lex))
    .map((h) => filler(text, { start: withModifiers(text, sentence, h, triggers, lex), end: h.end }));
  const venues = entities.filter((e) => e.type === 'FAC');
  // A target noun inside a venue's name ("hall" in "Lakeside Concert Hall") is that venue.
  const covered = (f: RoleFiller) => {
    for (let i = firstFrom(venues, f.start + 1) - 1; i >= 0 && venues[i]!.start >= f.start - MAX_ENTITY_LENGTH; i--) if (venues[i]!.end >= f.end) return true;
    return false;
  };
  return [...venues.map(fromEntity), ...nouns.filter((n) => !covered(n))].sort((a, b) => a.start - b.start);
}
