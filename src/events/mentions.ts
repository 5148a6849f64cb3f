// Incident mentions: each sentence that reports an incident, with its type, trigger, date, place, perpetrators,
// figures, weapons, targets and victims, all as spans of the article text. Sentences are read once (reading.ts);
// the role fillers come from the rules (roles.ts) and the learned classifier (learned-roles.ts), which also reads the
// sentence after each incident sentence: what it finds there belongs to that incident.
//
// The article's main event is its lead (the first attack or claim reported). Later mentions that only refer back
// to it ("the attack", "the deadliest attack in the country", "officials suggested the attackers ...") take its
// place and date (`folded`); mentions too bare to be incidents of their own are kept with a `dropped` reason; a
// date is inherited from the main event only when the sentence names no time of its own.
import type { Annotations, Article, DateMention, IncidentType, Span } from '../types.js';
import { datesCompatible, precisionRank } from './dates.js';
import { familyOf, isAttack, isFollowUp } from './families.js';
import { learnedRoles } from './learned-roles.js';
import { eventLexicon, type EventLexicon } from './lexicon.js';
import { gazetteerPlaces } from './place-knowledge.js';
import { comparePlaces, spellingKey, type PlaceKnowledge } from './places.js';
import { readArticle, type SentenceReading, type SentenceRoles } from './reading.js';
import { roleModel, type RoleModel } from './role-model.js';
import type { IncidentMention, MentionDate, MentionFigure, MentionPlace } from './types.js';

export interface MentionOptions {
  /** Coordinates and containment of places (default: the gazetteer); null compares places by name only. */
  knowledge?: PlaceKnowledge | null;
  /** Days a sentence date may differ from the article's main event date and still be the main event. */
  toleranceDays?: number;
  /** The learned role classifier (default: the committed model); null keeps the fillers the rules find. */
  roleModel?: RoleModel | null;
}

/** Which of the sentence's mentions a figure belongs to: arrests to the arrest, casualties to the attack. */
function homeOf(figure: MentionFigure, types: IncidentType[]): IncidentType {
  const prefer: IncidentType[] = figure.kind === 'arrested' ? ['arrest', 'counter-terrorism raid'] : figure.kind === 'hostages' ? ['hostage-taking', 'kidnapping'] : [];
  return types.find((t) => prefer.includes(t)) ?? types.find((t) => figure.kind !== 'arrested' && isAttack(t)) ?? types[0]!;
}

/** The date written nearest the trigger ("the 2015 bombing", "stormed the hall on Friday"); ties go to the more precise. */
function sentenceDate(dates: DateMention[], trigger: Span): MentionDate | null {
  const best = [...dates].sort((a, b) => Math.abs(a.start - trigger.start) - Math.abs(b.start - trigger.start) || precisionRank(b.precision) - precisionRank(a.precision))[0];
  return best ? { value: best.value, precision: best.precision, from: 'sentence', start: best.start, end: best.end } : null;
}

/**
 * The article's main event date: among dates written in sentences reporting an attack (else any incident), the
 * most precise, then the most often written, then the first.
 */
function dominantDate(mentions: IncidentMention[]): MentionDate | null {
  const dated = mentions.filter((m) => m.date);
  const pool = dated.some((m) => isAttack(m.type)) ? dated.filter((m) => isAttack(m.type)) : dated;
  const counts = new Map<string, { date: MentionDate; n: number }>();
  for (const m of pool) {
    const c = counts.get(m.date!.value) ?? { date: m.date!, n: 0 };
    c.n++;
    counts.set(m.date!.value, c);
  }
  // Map iteration keeps first-seen order, so full ties go to the earlier date in the article.
  let best: { date: MentionDate; n: number } | null = null;
  for (const c of counts.values()) {
    if (!best || precisionRank(c.date.precision) > precisionRank(best.date.precision) || (precisionRank(c.date.precision) === precisionRank(best.date.precision) && c.n > best.n)) best = c;
  }
  return best ? { value: best.date.value, precision: best.date.precision, from: 'article' } : null;
}

// The main event's places are the few most often named: enough to recognise it, few enough to compare cheaply.
const MAIN_PLACES = 20;

function mostNamed(places: MentionPlace[]): MentionPlace[] {
  const counts = new Map<string, { place: MentionPlace; n: number }>();
  for (const p of places) {
    const key = spellingKey(p.name);
    const c = counts.get(key) ?? { place: p, n: 0 };
    c.n++;
    counts.set(key, c);
  }
  return [...counts.values()].sort((a, b) => b.n - a.n).slice(0, MAIN_PLACES).map((c) => c.place);
}

/** The article's lead: its first report of an attack or of a claim for one, where news writing puts the main event. */
function leadOf(mentions: IncidentMention[]): IncidentMention | null {
  return mentions.find((m) => isAttack(m.type) || m.type === 'claim of responsibility') ?? mentions[0] ?? null;
}

/**
 * The main event's date: the lead's own date, else the dominant date of the mentions whose places do not conflict
 * with the lead's (so an older attack elsewhere, the only dated one, does not date the article).
 */
function mainDate(mentions: IncidentMention[], lead: IncidentMention | null, knowledge?: PlaceKnowledge): MentionDate | null {
  if (!lead) return null;
  if (lead.date) return { value: lead.date.value, precision: lead.date.precision, from: 'article' };
  const near = (m: IncidentMention) => !lead.places.length || !m.places.length || comparePlaces(m.places, lead.places, knowledge) !== 'conflict';
  return dominantDate(mentions.filter(near));
}

/** Whether `outer` contains `inner` (a country or region around a town or venue), by the knowledge layer. */
function contains(outer: MentionPlace, inner: MentionPlace, knowledge?: PlaceKnowledge): boolean {
  const outerId = outer.id ?? knowledge?.lookup(outer.name)?.id;
  const innerId = inner.id ?? knowledge?.lookup(inner.name)?.id;
  return !!knowledge && !!outerId && !!innerId && outerId !== innerId && knowledge.parents(innerId).includes(outerId);
}

function isWeak(m: IncidentMention, lex: EventLexicon): boolean {
  return lex.cueInfo.get(m.trigger.text.toLowerCase().replace(/[\s-]+/g, ' '))?.weak ?? false;
}

/**
 * Whether an attack mention refers back to the article's main incident rather than reporting a new one: it names only a country or region around the main place ("the deadliest attack in Russia"), it has nothing of
 * its own ("the attack"), or it is an accusation about "the attackers" whose places are where the accusation points.
 */
function referenceToMain(m: IncidentMention, lead: IncidentMention, bare: boolean, accusation: boolean, lex: EventLexicon, knowledge?: PlaceKnowledge): boolean {
  if (m.places.length && lead.places.length && m.places.every((p) => lead.places.some((q) => contains(p, q, knowledge)))) return true;
  return bare || (accusation && isWeak(m, lex));
}

function joinRoles(a: SentenceRoles, b: SentenceRoles): SentenceRoles {
  return { perpetrators: [...a.perpetrators, ...b.perpetrators], weapons: [...a.weapons, ...b.weapons], targets: [...a.targets, ...b.targets], victims: [...a.victims, ...b.victims] };
}

export function extractIncidentMentions(article: Article, annotations: Annotations, options: MentionOptions = {}): IncidentMention[] {
  const lex = eventLexicon();
  const tolerance = options.toleranceDays ?? 2;
  const knowledge = options.knowledge === undefined ? gazetteerPlaces() : options.knowledge ?? undefined;
  const text = article.text;
  const reading = readArticle(article, annotations, lex);
  const given = options.roleModel;
  const roles =
    given === null ? reading.sentences.map((r) => r.roles) : learnedRoles(text, reading.sentences, given ? () => given : roleModel, lex, reading.acronyms);
  // The fillers of a sentence without cues belong to the incidents of the sentence before it.
  const cued: SentenceReading[] = [];
  reading.sentences.forEach((r, i) => {
    const owner = cued[cued.length - 1];
    if (r.hits.length) cued.push({ ...r, roles: roles[i]! });
    else if (owner && owner.index === r.index - 1) owner.roles = joinRoles(owner.roles, roles[i]!);
  });
  const mentions: IncidentMention[] = [];
  // Mentions whose sentence names a time the annotator did not resolve, and mentions in accusation sentences.
  const ownTime = new Set<IncidentMention>();
  const accusations = new Set<IncidentMention>();
  const borrowedPlaces = new Set<IncidentMention>();
  let previous: IncidentMention[] = [];
  let previousIndex = -2;

  for (const r of cued) {
    // A sentence after one without incident cues follows no incident.
    if (r.index !== previousIndex + 1) previous = [];
    previousIndex = r.index;
    const typeList = [...r.types.keys()];
    const current: IncidentMention[] = [];
    for (const [type, hit] of r.types) {
      // A sentence that names no place continues the place of the incident reported just before it.
      const inherited = r.places.length ? r.places : previous.find((m) => familyOf(m.type) === familyOf(type))?.places ?? [];
      current.push({
        articleId: article.id,
        type,
        trigger: { text: text.slice(hit.start, hit.end), start: hit.start, end: hit.end },
        sentence: { start: r.sentence.start, end: r.sentence.end },
        date: sentenceDate(r.dates, hit),
        place: inherited[0] ?? null,
        places: inherited,
        ...r.roles,
        figures: r.figures.filter((f) => homeOf(f, typeList) === type),
        discarded: type === typeList[0] ? r.discarded : [],
        background: false,
        folded: false,
        dropped: null,
      });
    }
    for (const m of current) {
      if (r.unresolvedTime) ownTime.add(m);
      if (r.accusation) accusations.add(m);
      if (!r.places.length) borrowedPlaces.add(m);
    }
    mentions.push(...current);
    previous = current;
  }

  // Nothing of its own to tell it from another incident: no place named in its sentence, no figure, no perpetrator.
  const bare = (m: IncidentMention) => (!m.places.length || borrowedPlaces.has(m)) && !m.figures.length && !m.perpetrators.length;
  const lead = leadOf(mentions);
  const published = article.published?.slice(0, 10);
  // "acknowledged on Monday that ... the attack": a bare back-reference dated on the publication day is dated by
  // when it was said, not by when the attack happened.
  for (const m of mentions) if (m !== lead && bare(m) && isWeak(m, lex) && m.date?.from === 'sentence' && m.date.value === published) m.date = null;
  const main = mainDate(mentions, lead, knowledge);
  const mainPlaces = mostNamed([...(lead?.places ?? []), ...mentions.filter((m) => main && m.date && m.date.value === main.value).flatMap((m) => m.places)]);
  for (const m of mentions) {
    const sameTime = !m.date || !main || datesCompatible(m.date.value, main.value, tolerance);
    if (lead && m !== lead && isAttack(m.type) && sameTime && (lead.places.length || main) && referenceToMain(m, lead, bare(m), accusations.has(m), lex, knowledge)) {
      m.folded = true;
      m.places = lead.places;
      m.place = lead.place;
      m.date ??= main;
      continue;
    }
    if (m.date && main) m.background = !sameTime;
    else m.background = m !== lead && !isFollowUp(m.type) && mainPlaces.length > 0 && m.places.length > 0 && comparePlaces(m.places, mainPlaces, knowledge) === 'conflict';
    // A date inherited from the main event must not override a time the sentence names itself: better none than wrong.
    if (!m.date && !m.background && main && !ownTime.has(m)) m.date = main;
    if (bare(m) && m.date?.from !== 'sentence') m.dropped = `${m.type} with no place, date, figure or perpetrator of its own`;
    else if (!m.places.length && !m.date && !m.figures.length) m.dropped = `${m.type} with no place, date or figure to tell which incident it is`;
  }
  return mentions;
}
