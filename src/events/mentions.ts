// Incident mentions: each sentence that reports an incident, with its type, trigger, date, place, perpetrators,
// figures, weapons, targets and victims, all as spans of the article text.
import type { Annotations, Article, DateMention, IncidentType, Span } from '../types.js';
import { datesCompatible, precisionRank } from './dates.js';
import { familyOf, isAttack } from './families.js';
import { sentenceFigures } from './figures.js';
import { eventLexicon, type EventLexicon } from './lexicon.js';
import { gazetteerPlaces } from './place-knowledge.js';
import { comparePlaces, spellingKey, type PlaceKnowledge } from './places.js';
import { perpetrators, places, targets, victims, weapons } from './roles.js';
import type { IncidentMention, MentionDate, MentionFigure, MentionPlace } from './types.js';
import type { PhraseHit } from './phrases.js';

export interface MentionOptions {
  /** Coordinates and containment of places (default: the gazetteer); null compares places by name only. */
  knowledge?: PlaceKnowledge | null;
  /** Days a sentence date may differ from the article's main event date and still be the main event. */
  toleranceDays?: number;
}

/** Groups span records by the sentence that contains their start, in one pass over both sorted lists. */
function bySentence<T extends Span>(sentences: Span[], items: T[]): T[][] {
  const sorted = [...items].sort((a, b) => a.start - b.start);
  const out: T[][] = sentences.map(() => []);
  let j = 0;
  for (let i = 0; i < sentences.length; i++) {
    const s = sentences[i]!;
    while (j < sorted.length && sorted[j]!.start < s.start) j++;
    while (j < sorted.length && sorted[j]!.start < s.end) out[i]!.push(sorted[j++]!);
  }
  return out;
}

/** The incident types a sentence reports, each with its first trigger. Weak cues ("attack", "killed") count only
 *  when no strong cue is present, or when the sentence gives casualty figures that need an attack to belong to. */
function sentenceTypes(hits: PhraseHit[], lex: EventLexicon, hasCasualties: boolean): Map<IncidentType, PhraseHit> {
  const info = (h: PhraseHit) => lex.cueInfo.get(h.phrase);
  const strong = hits.filter((h) => info(h) && !info(h)!.weak);
  const attackNamed = strong.some((h) => isAttack(info(h)!.type));
  const use = strong.length === 0 || (hasCasualties && !attackNamed) ? hits : strong;
  const types = new Map<IncidentType, PhraseHit>();
  for (const h of use) {
    const type = info(h)?.type;
    if (type && !types.has(type)) types.set(type, h);
  }
  return types;
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

export function extractIncidentMentions(article: Article, annotations: Annotations, options: MentionOptions = {}): IncidentMention[] {
  const lex = eventLexicon();
  const tolerance = options.toleranceDays ?? 2;
  const knowledge = options.knowledge === undefined ? gazetteerPlaces() : options.knowledge ?? undefined;
  const text = article.text;
  const sentences = annotations.sentences.length ? [...annotations.sentences].sort((a, b) => a.start - b.start) : [{ start: 0, end: text.length }];
  const entities = bySentence(sentences, annotations.entities);
  const dates = bySentence(sentences, annotations.dates);
  const quantities = bySentence(sentences, annotations.quantities);
  const mentions: IncidentMention[] = [];
  let previous: IncidentMention[] = [];

  sentences.forEach((s, i) => {
    const hits = lex.cues.find(text.slice(s.start, s.end), s.start);
    if (!hits.length) {
      previous = [];
      return;
    }
    const { figures, discarded } = sentenceFigures(text, s, quantities[i]!, lex);
    const types = sentenceTypes(hits, lex, figures.some((f) => f.kind !== 'arrested'));
    const typeList = [...types.keys()];
    const ents = entities[i]!;
    const sentencePlaces = places(text, s, ents, lex);
    const triggers = [...types.values()];
    const shared = {
      perpetrators: perpetrators(text, s, ents, triggers, lex),
      weapons: weapons(text, s, lex),
      targets: targets(text, s, ents, triggers, lex),
      victims: victims(text, s, ents, lex),
    };
    const current: IncidentMention[] = [];
    for (const [type, hit] of types) {
      // A sentence that names no place continues the place of the incident reported just before it.
      const inherited = sentencePlaces.length ? sentencePlaces : previous.find((m) => familyOf(m.type) === familyOf(type))?.places ?? [];
      current.push({
        articleId: article.id,
        type,
        trigger: { text: text.slice(hit.start, hit.end), start: hit.start, end: hit.end },
        sentence: { start: s.start, end: s.end },
        date: sentenceDate(dates[i]!, hit),
        place: inherited[0] ?? null,
        places: inherited,
        ...shared,
        figures: figures.filter((f) => homeOf(f, typeList) === type),
        discarded: type === typeList[0] ? discarded : [],
        background: false,
      });
    }
    mentions.push(...current);
    previous = current;
  });

  const main = dominantDate(mentions);
  const mainPlaces = mostNamed(mentions.filter((m) => main && m.date && m.date.value === main.value).flatMap((m) => m.places));
  for (const m of mentions) {
    if (m.date && main) m.background = !datesCompatible(m.date.value, main.value, tolerance);
    else if (!m.date) m.background = mainPlaces.length > 0 && m.places.length > 0 && comparePlaces(m.places, mainPlaces, knowledge) === 'conflict';
    if (!m.date && !m.background && main) m.date = main;
  }
  return mentions;
}
