// Who, where, with what and against whom, read from one sentence's entities (sorted by start) and the role lexicons.
import { getEntity } from '../knowledge/index.js';
import type { EntityMention, PerpetratorStatus, Span } from '../types.js';
import type { Acronyms } from './acronyms.js';
import type { EventLexicon, VictimNameRules } from './lexicon.js';
import { phraseAfter, phraseBefore } from './noun-phrases.js';
import { firstFrom, MAX_ENTITY_LENGTH, overlapping } from './spans.js';
import type { MentionPerpetrator, MentionPlace, RoleFiller } from './types.js';

function filler(text: string, span: Span): RoleFiller {
  return { text: text.slice(span.start, span.end), start: span.start, end: span.end };
}

function fromEntity(e: EntityMention): RoleFiller {
  return e.id ? { text: e.text, start: e.start, end: e.end, id: e.id } : { text: e.text, start: e.start, end: e.end };
}

// Entity lists are sorted by start. Lookups near a position scan only the entities within reach of it, so a huge
// sentence with many entities and many cues stays linear.

/** The nearest accepted entity starting within `reach` characters after `pos`. */
function nearestAfter(entities: EntityMention[], pos: number, reach: number, accept: (e: EntityMention) => boolean): EntityMention | undefined {
  for (let i = firstFrom(entities, pos); i < entities.length && entities[i]!.start - pos <= reach; i++) if (accept(entities[i]!)) return entities[i];
  return undefined;
}

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
  if (/\bby (?:the |a |an )?(?:(?:group|band|gang|number) of )?$/i.test(text.slice(Math.max(0, span.start - 24), span.start))) return true;
  // "gunmen were killed": a passive verb after the words makes them the ones harmed, not the doers.
  const after = text.slice(span.end, span.end + 40);
  if (/^\s+(?:[\p{L}]+\s+)?(?:was|were|been|being)\b/iu.test(after)) return false;
  // "guerrillas killed by troops", "terrorists killed in clashes": a participle with no object; and "terrorist
  // attack": the word only qualifies the attack.
  if (lex.harmedAfter.test(after) || lex.qualifiesAttack.test(after)) return false;
  return triggers.some((t) => t.start >= span.end && t.start - span.end <= lex.maxRoleDistance) || triggers.some((t) => t.start <= span.start && t.end >= span.end);
}

/** Whether `span` follows one of the triggers closely, as its object ("attacked the embassy"), or is the subject of a
 *  passive trigger ("the embassy was bombed"). */
function hitBy(text: string, span: Span, triggers: Span[], lex: EventLexicon): boolean {
  return triggers.some((t) => (span.start >= t.start && span.start - t.end <= lex.maxRoleDistance) || (t.start >= span.end && /^\s+(?:has\s+|have\s+|had\s+)?(?:was|were|been)\s+(?:\p{L}+ly\s+)?$/u.test(text.slice(span.end, t.start))));
}

/**
 * Whether a named entity can be a perpetrator: a person, an organisation other than one that only reports (a news
 * agency carrying a claim), or a NORP only when it names a group able to act (Islamists) rather than a nationality. A name followed by a speaker noun ("Russian officials
 * said") made a statement; places never act.
 */
function canPerpetrate(text: string, e: EntityMention, lex: EventLexicon): boolean {
  if (lex.speakerAfter.test(text.slice(e.end, e.end + 40))) return false;
  // A name cut out of a word ("st Infantry Brigade" of "1st"), or an unlinked one ending in a place noun ("...
  // airport"), is mistyped.
  if (/[\p{L}\p{N}]$/u.test(text.slice(Math.max(0, e.start - 1), e.start)) || (!e.id && lex.placeHeads.has(e.text.toLowerCase().split(/\s+/).pop()!))) return false;
  const kind = e.id ? getEntity(e.id)?.kind ?? '' : '';
  if (e.type === 'PERSON') return true;
  if (e.type === 'ORG') return !lex.reporterOrgKinds.has(kind);
  return e.type === 'NORP' && lex.groupNorpKinds.has(kind);
}

/**
 * A phrase next to a perpetrator cue read as an organisation the tagger did not name: a defined acronym or its long
 * form, a phrase ending in an organisation noun ("the ... liberation front", "the cartel"), or — as the subject of
 * a claim of responsibility — any phrase that is not a perpetrator description (those are read below).
 */
function organisation(text: string, phrase: Span, subject: boolean, lex: EventLexicon, acronyms?: Acronyms): Omit<MentionPerpetrator, 'status'> | null {
  // Without capitals a phrase after a cue runs on into the verb ("the red hand movement attacked"): the name ends at
  // its last organisation noun or at a known acronym.
  const ends = [...text.slice(phrase.start, phrase.end).matchAll(/[^\s]+/g)].map((m) => phrase.start + m.index + m[0].length);
  const named = ends.reverse().find((end) => {
    const words = text.slice(phrase.start, end);
    return acronyms?.longForm(words) !== undefined || lex.orgHeads.has(words.toLowerCase().split(/\s+/).pop()!);
  });
  const f = filler(text, { start: phrase.start, end: named ?? phrase.end });
  const lastWord = f.text.toLowerCase().split(/\s+/).pop()!;
  const long = acronyms?.longForm(f.text);
  // A bare or generic head refers back or describes ("the group claimed responsibility", "subversive groups"): it
  // names no one.
  const generic = f.text.toLowerCase().split(/\s+/).slice(0, -1).every((w) => lex.genericGroupWords.has(w));
  if (lex.placeHeads.has(lastWord) || (lex.orgHeads.has(lastWord) && generic && long === undefined)) return null;
  const described = lex.perpetratorDescriptions.find(f.text).some((h) => h.end === f.text.length);
  if (long === undefined && !lex.orgHeads.has(lastWord) && (!subject || described)) return null;
  return { ...f, name: long ?? f.text, entityType: 'ORG' };
}

/**
 * Named perpetrators near attribution cues, and perpetrator descriptions ("gunmen") where they act: before a
 * trigger or after "by" (the police or troops named elsewhere in a sentence are usually responders). In a sentence
 * that reports an accusation ("officials suggested ...") every named perpetrator is only alleged.
 */
export function perpetrators(text: string, sentence: Span, entities: EntityMention[], triggers: Span[], lex: EventLexicon, acronyms?: Acronyms): MentionPerpetrator[] {
  const out: MentionPerpetrator[] = [];
  const seen = new Set<number>();
  const slice = text.slice(sentence.start, sentence.end);
  const accusation = lex.allegationCues.find(slice).length > 0;
  const named = (e: EntityMention, status: PerpetratorStatus): MentionPerpetrator => ({
    ...fromEntity(e),
    name: e.name ?? acronyms?.longForm(e.text) ?? e.text,
    status: accusation && status === 'attributed' ? 'alleged' : status,
    entityType: e.type,
  });
  for (const hit of lex.perpetratorCues.find(slice, sentence.start)) {
    const cue = lex.perpetratorCueInfo.get(hit.phrase);
    if (!cue) continue;
    const accept = (e: EntityMention) => cue.types.includes(e.type);
    // What stands right next to the cue wins: a name in that phrase, else the phrase itself where it reads as an
    // organisation; only then the nearest name within reach.
    let phrase = cue.side === 'after' ? phraseAfter(text, hit.end, sentence.end, lex.phrases) : phraseBefore(text, sentence.start, hit.start, lex.phrases);
    // "by a commando of the X", "by guerrillas of the X": the people belong to X, and X is the perpetrator named.
    const of = phrase && cue.side === 'after' ? /^\s+of\s+/.exec(text.slice(phrase.end, phrase.end + 6)) : null;
    if (phrase && of && lex.perpetratorDescriptions.find(text.slice(phrase.start, phrase.end)).length) phrase = phraseAfter(text, phrase.end + of[0].length, sentence.end, lex.phrases);
    const inPhrase = phrase && overlapping(entities, phrase).filter(accept).sort((a, b) => (cue.side === 'after' ? a.start - b.start : b.end - a.end))[0];
    let found: MentionPerpetrator | null = null;
    if (phrase && !inPhrase && cue.types.includes('ORG') && !seen.has(phrase.start)) {
      const org = organisation(text, phrase, cue.subject === true, lex, acronyms);
      if (org) found = { ...org, status: accusation && cue.status === 'attributed' ? 'alleged' : cue.status };
    }
    if (!found) {
      const nearest = inPhrase || (cue.side === 'after' ? nearestAfter(entities, hit.end, lex.maxRoleDistance, accept) : nearestBefore(entities, hit.start, lex.maxRoleDistance, accept));
      // The cue's own name is rejected, not skipped for a farther one: "blamed on Belgians, and Red Dawn ..." names no group.
      if (!nearest || seen.has(nearest.start) || !canPerpetrate(text, nearest, lex)) continue;
      found = named(nearest, cue.status);
    }
    seen.add(found.start);
    out.push(found);
    // "members of the X": the members are the people who acted, as a description.
    if (cue.members && /^\s*(?:the\s+)?$/i.test(text.slice(hit.end, found.start))) {
      const f = filler(text, { start: hit.start, end: found.end });
      out.push({ ...f, name: f.text, status: found.status, entityType: 'DESCRIPTION' });
    }
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
    // A nationality or a group just before the description belongs to it: "Tajik gunmen", "FMLN guerrillas"; the
    // group is then a perpetrator too.
    const owner = nearestBefore(entities, hit.start, 1, (e) => (e.type === 'NORP' || e.type === 'ORG') && /^\s*$/.test(text.slice(e.end, hit.start)));
    const f = filler(text, { start: owner?.start ?? hit.start, end: hit.end });
    out.push({ ...f, name: text.slice(hit.start, hit.end), status: accusation ? 'alleged' : 'attributed', entityType: 'DESCRIPTION' });
    if (owner && !seen.has(owner.start) && canPerpetrate(text, owner, lex)) {
      seen.add(owner.start);
      out.push(named(owner, 'attributed'));
    }
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
  // A title in parentheses may stand before the name: "the attack on (Minister) X".
  const lead = /^\s*\)?\s*,?\s*/.exec(text.slice(pos, Math.min(end, pos + 4)))!;
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

/** A run of `minNameWords`..`maxNameWords` name-like words ending at `end` (read backwards, as `nameAt` reads forwards). */
function nameBefore(text: string, from: number, end: number, rules: VictimNameRules, caseless: boolean): Span | null {
  const word = /([\p{L}][\p{L}'-]*)\s*$/u;
  let at = end;
  let first = -1;
  let words = 0;
  const last = text.slice(from, end).trimEnd().length + from;
  while (words < rules.maxNameWords) {
    const m = word.exec(text.slice(Math.max(from, at - 40), at));
    if (!m) break;
    const lower = m[1]!.toLowerCase();
    if (rules.stops.has(lower) || rules.titleWords.has(lower) || m[1]!.length < 2 || (!caseless && !/^\p{Lu}/u.test(m[1]!))) break;
    at -= m[0].length;
    if (!rules.connectors.has(lower)) {
      first = at;
      words++;
    }
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
    // "X, who was kidnapped": "who" says the words before it are a person.
    const who = /,\s*who\s+$/.exec(text.slice(Math.max(sentence.start, cue.start - 12), cue.start));
    const name = who ? nameBefore(text, sentence.start, cue.start - who[0].length, rules, caseless) : null;
    if (name) out.push(name);
  }
  // "X's murder"
  for (const m of slice.matchAll(rules.possessiveCue)) {
    const name = nameBefore(text, sentence.start, sentence.start + m.index, rules, caseless);
    if (name) out.push(name);
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

/**
 * Weapons used: lexicon words with the words modifying them ("incendiary bombs", "powerful explosives"), adjacent
 * weapon words read as one ("AK-47 rifles"). Arms seized or found ("troops seized six rifles") were not used, and
 * "bomb" as a verb ("to bomb the capital") or in "bomb squad" is no weapon.
 */
export function weapons(text: string, sentence: Span, lex: EventLexicon): RoleFiller[] {
  const slice = text.slice(sentence.start, sentence.end);
  const seizures = lex.weaponSeizures.find(slice, sentence.start);
  const out: Span[] = [];
  for (const h of lex.weapons.find(slice, sentence.start)) {
    const before = text.slice(Math.max(sentence.start, h.start - 4), h.start);
    if (/\bto\s+$/i.test(before) || lex.notWeaponAfter.test(text.slice(h.end, h.end + 12))) continue;
    // A seizure cue earlier in the same clause makes the arms a haul, not a weapon used; a list of the haul may run
    // on with commas, a new clause ("after", "when", ";") ends it.
    const reach = lex.maxRoleDistance * 2;
    if (overlapping(seizures, { start: h.start - reach, end: h.start }).some((c) => c.end <= h.start && !lex.clauseBreak.test(text.slice(c.end, h.start)))) continue;
    const last = out[out.length - 1];
    if (last && /^[\s-]*$/.test(text.slice(last.end, h.start))) last.end = h.end;
    else out.push({ start: withModifiers(text, sentence, h, [], lex, lex.maxWeaponModifiers), end: h.end });
  }
  return out.map((span) => filler(text, span));
}

/**
 * Where a noun's phrase starts once the words modifying it are taken in ("power substation"): up to `max` plain
 * words before it, stopping at a function word, an adverb, a participle or a blocker (a trigger, a nationality;
 * sorted by start).
 */
function withModifiers(text: string, sentence: Span, noun: Span, blockers: readonly Span[], lex: EventLexicon, max: number): number {
  let start = noun.start;
  for (let n = 0; n < max; n++) {
    // A possessive is a modifier too: "the president's home".
    const m = /(?:^|\s)([\p{L}]+(?:'s)?)\s+$/u.exec(text.slice(Math.max(sentence.start, start - 40), start));
    if (!m) break;
    const wordStart = start - m[0].length + m[0].indexOf(m[1]!);
    const word = m[1]!.toLowerCase().replace(/'s$/, '');
    if (lex.modifierStops.has(word) || /(?:ed|ly|ing)$/.test(word) || overlapping(blockers, { start: wordStart, end: start }).length) break;
    start = wordStart;
  }
  return start;
}

/**
 * Physical targets: named venues, and target nouns of the lexicon that follow a trigger ("bombed the embassy"),
 * with their modifiers and an "of" phrase ("the offices of the electoral council"). Not a target: a noun that is
 * part of a weapon ("car bomb"), that qualifies people ("university students"), or a place only passed by ("near
 * the hotel").
 */
export function targets(text: string, sentence: Span, entities: EntityMention[], triggers: Span[], lex: EventLexicon): RoleFiller[] {
  const slice = text.slice(sentence.start, sentence.end);
  const weaponHits = lex.weapons.find(slice, sentence.start);
  // A nationality before a target says whose it is, it is not part of what was hit ("the Ruritanian embassy").
  const blockers = [...triggers, ...entities.filter((e) => e.type === 'NORP')].sort((a, b) => a.start - b.start);
  const placeOnly = (span: Span) => lex.placeOnlyBefore.test(text.slice(Math.max(sentence.start, span.start - 12), span.start));
  const nouns = lex.targets
    .find(slice, sentence.start)
    .filter((h) => hitBy(text, h, triggers, lex) && !placeOnly(h) && !lex.peopleAfter.test(text.slice(h.end, h.end + 20)) && !overlapping(weaponHits, h).length)
    .map((h) => {
      const of = /^\s+of\s+/.exec(text.slice(h.end, h.end + 6));
      const owner = of ? phraseAfter(text, h.end + of[0].length, sentence.end, lex.phrases) : null;
      return filler(text, { start: withModifiers(text, sentence, h, blockers, lex, lex.maxTargetModifiers), end: owner?.end ?? h.end });
    });
  const venues = entities.filter((e) => e.type === 'FAC' && !placeOnly(e));
  // A target noun inside a venue's name ("hall" in "Lakeside Concert Hall") is that venue.
  const covered = (f: RoleFiller) => {
    for (let i = firstFrom(venues, f.start + 1) - 1; i >= 0 && venues[i]!.start >= f.start - MAX_ENTITY_LENGTH; i--) if (venues[i]!.end >= f.end) return true;
    return false;
  };
  return [...venues.map(fromEntity), ...nouns.filter((n) => !covered(n))].sort((a, b) => a.start - b.start);
}
