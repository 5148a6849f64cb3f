// One pass over an article's sentences: for each, the incident cues it holds and the types they signal, its
// figures, places and entities, and the role fillers the rules find. Incident mentions are built from these
// readings; the learned role classifier reads them too.
import type { Annotations, Article, DateMention, EntityMention, IncidentType, Span } from '../types.js';
import { articleAcronyms, type Acronyms } from './acronyms.js';
import { isAttack } from './families.js';
import { sentenceFigures } from './figures.js';
import type { EventLexicon } from './lexicon.js';
import type { PhraseHit } from './phrases.js';
import { perpetrators, places, targets, victims, weapons } from './roles.js';
import type { DiscardedFigure, MentionFigure, MentionPerpetrator, MentionPlace, RoleFiller } from './types.js';

/** The role fillers of one sentence. */
export interface SentenceRoles {
  perpetrators: MentionPerpetrator[];
  weapons: RoleFiller[];
  targets: RoleFiller[];
  victims: RoleFiller[];
}

export interface SentenceReading {
  /** Position of the sentence among the article's sentences. */
  index: number;
  sentence: Span;
  /** Every incident cue in the sentence, and the types they signal, each with its trigger. */
  hits: PhraseHit[];
  types: Map<IncidentType, PhraseHit>;
  entities: EntityMention[];
  dates: DateMention[];
  places: MentionPlace[];
  figures: MentionFigure[];
  discarded: DiscardedFigure[];
  /** Whether the sentence names a time the annotator did not resolve. */
  unresolvedTime: boolean;
  /** Whether the sentence reports an accusation ("officials suggested ..."). */
  accusation: boolean;
  /** The fillers the rules find (roles.ts). */
  roles: SentenceRoles;
}

export interface ArticleReading {
  acronyms: Acronyms;
  sentences: SentenceReading[];
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

/**
 * Reads the sentences that hold an incident cue and the sentence after each (it often names who or what the
 * incident involved: "The victims were identified as ..."); with `every`, all sentences. A sentence without a cue
 * has no hits, types, places, figures or rule-found fillers.
 */
export function readArticle(article: Article, annotations: Annotations, lex: EventLexicon, every = false): ArticleReading {
  const text = article.text;
  const sentences = annotations.sentences.length ? [...annotations.sentences].sort((a, b) => a.start - b.start) : [{ start: 0, end: text.length }];
  const acronyms = articleAcronyms(text, sentences, annotations.entities, lex);
  const entities = bySentence(sentences, [...annotations.entities, ...acronyms.untagged(annotations.entities)]);
  const dates = bySentence(sentences, annotations.dates);
  const quantities = bySentence(sentences, annotations.quantities);
  const out: SentenceReading[] = [];
  let cuedBefore = false;
  sentences.forEach((s, i) => {
    const slice = text.slice(s.start, s.end);
    const hits = lex.cues.find(slice, s.start);
    const read = hits.length > 0 || cuedBefore || every;
    cuedBefore = hits.length > 0;
    if (!read) return;
    const { figures, discarded } = hits.length ? sentenceFigures(text, s, quantities[i]!, lex) : { figures: [], discarded: [] };
    const types = sentenceTypes(hits, lex, figures.some((f) => f.kind !== 'arrested'));
    const ents = entities[i]!;
    const triggers = [...types.values()];
    out.push({
      index: i,
      sentence: s,
      hits,
      types,
      entities: ents,
      dates: dates[i]!,
      places: hits.length ? places(text, s, ents, lex) : [],
      figures,
      discarded,
      unresolvedTime: lex.timeCues.find(slice, s.start).some((h) => !dates[i]!.some((d) => d.start <= h.start && h.end <= d.end)),
      accusation: lex.allegationCues.find(slice).length > 0,
      roles: hits.length
        ? {
            perpetrators: perpetrators(text, s, ents, triggers, lex, acronyms),
            weapons: weapons(text, s, lex),
            targets: targets(text, s, ents, triggers, lex),
            victims: victims(text, s, ents, lex),
          }
        : { perpetrators: [], weapons: [], targets: [], victims: [] },
    });
  });
  return { acronyms, sentences: out };
}
