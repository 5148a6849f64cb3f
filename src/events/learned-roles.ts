// The learned role classifier over an article's readings: candidate fillers of each sentence (role-candidates.ts)
// are classified into a role or none by the trained model (role-model.ts) from their features
// (role-features.ts), which include what the rules found. How its fillers and the rules' combine depends on the
// case the sentence is written in (see learnedRoles).
import { getEntity } from '../knowledge/index.js';
import type { Span } from '../types.js';
import type { Acronyms } from './acronyms.js';
import type { EventLexicon } from './lexicon.js';
import type { PhraseHit } from './phrases.js';
import type { SentenceReading, SentenceRoles } from './reading.js';
import { candidates, tokenize, type Candidate, type Token } from './role-candidates.js';
import { candidateFeatures, mark, markIndex, roleDocument, sentenceFeatures, type Mark, type RoleSentence } from './role-features.js';
import { addWeights, ROLE_CLASSES, softmax, type RoleClass, type RoleModel } from './role-model.js';
import { firstFrom } from './spans.js';
import type { RoleFiller } from './types.js';

/** Index of the first token ending after `pos`. */
function tokenAt(tokens: Token[], pos: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid]!.end <= pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The first and last tokens a character span covers; null when it covers none. */
function tokenRange(tokens: Token[], span: Span): { first: number; last: number } | null {
  const first = tokenAt(tokens, span.start);
  let last = first;
  while (last + 1 < tokens.length && tokens[last + 1]!.start < span.end) last++;
  return first < tokens.length && tokens[first]!.start < span.end ? { first, last } : null;
}

function marksOf<T extends Span>(tokens: Token[], spans: readonly T[], name: (s: T) => string): Mark[] {
  return spans.flatMap((s) => {
    const r = tokenRange(tokens, s);
    return r ? [mark(r.first, r.last, name(s))] : [];
  });
}

/** One reading as the classifier sees it; `previous` is the reading of the sentence before, where read. */
function roleSentence(text: string, r: SentenceReading, previous: SentenceReading | undefined, lex: EventLexicon): RoleSentence {
  const tokens = tokenize(text, r.sentence);
  const slice = text.slice(r.sentence.start, r.sentence.end);
  const found = (m: { find(t: string, o: number): PhraseHit[] }) => m.find(slice, r.sentence.start);
  const phrase = (prefix: string) => (h: PhraseHit) => `${prefix}:${h.phrase}`;
  const marks = [
    ...marksOf(tokens, found(lex.weapons), () => 'weapon-word'),
    ...marksOf(tokens, found(lex.targets), () => 'target-word'),
    ...marksOf(tokens, found(lex.perpetratorDescriptions), () => 'perpetrator-word'),
    ...marksOf(tokens, found(lex.victimNames.titles), () => 'title'),
    ...marksOf(tokens, r.entities, (e) => {
      const kind = e.id ? getEntity(e.id)?.kind : undefined;
      return `entity:${e.type}${kind ? `:${kind}` : ''}`;
    }),
    ...marksOf(tokens, r.roles.perpetrators, (p) => `rule-perpetrator:${p.entityType}`),
    ...marksOf(tokens, r.roles.targets, () => 'rule-target'),
    ...marksOf(tokens, r.roles.victims, () => 'rule-victim'),
    ...marksOf(tokens, r.roles.weapons, () => 'rule-weapon'),
  ];
  tokens.forEach((t, i) => {
    if (lex.orgHeads.has(t.lower)) marks.push(mark(i, i, 'organisation-noun'));
    if (lex.placeHeads.has(t.lower)) marks.push(mark(i, i, 'place-noun'));
  });
  const cues = [
    ...marksOf(tokens, r.hits, phrase('incident')),
    ...marksOf(tokens, r.hits, (h) => `type:${lex.cueInfo.get(h.phrase)?.type ?? ''}`),
    ...marksOf(tokens, found(lex.perpetratorCues), phrase('attribution')),
    ...marksOf(tokens, found(lex.victimsAfter), phrase('victim-after')),
    ...marksOf(tokens, found(lex.victimsBefore), phrase('victim-before')),
    ...marksOf(tokens, found(lex.weaponSeizures), phrase('seizure')),
  ];
  // Every rule-found filler is a candidate, with the class the rules gave it.
  const all = candidates(tokens, lex.candidates);
  const known = new Set(all.map((c) => `${c.first}:${c.last}`));
  const ruled = new Map<string, number>();
  const rule = <T extends Span>(spans: T[], cls: (s: T) => number) => {
    for (const x of spans) {
      const m = tokenRange(tokens, x);
      if (!m) continue;
      const key = `${m.first}:${m.last}`;
      if (!ruled.has(key)) ruled.set(key, cls(x));
      if (!known.has(key)) {
        known.add(key);
        all.push({ start: tokens[m.first]!.start, end: tokens[m.last]!.end, first: m.first, last: m.last, atChunkStart: false, atChunkEnd: false, joined: false });
      }
    }
  };
  rule(r.roles.perpetrators, (p) => ROLE_CLASSES.indexOf(p.entityType === 'ORG' ? 'perpetrator-organisation' : 'perpetrator-individual'));
  rule(r.roles.targets, () => ROLE_CLASSES.indexOf('target'));
  rule(r.roles.victims, () => ROLE_CLASSES.indexOf('victim'));
  rule(r.roles.weapons, () => ROLE_CLASSES.indexOf('weapon'));
  return {
    index: r.index,
    span: r.sentence,
    tokens,
    candidates: all,
    ruled: all.map((c) => ruled.get(`${c.first}:${c.last}`) ?? 0),
    cues,
    lookup: markIndex(tokens.length, marks, cues),
    types: [...r.types.keys()],
    previousTypes: previous && previous.index === r.index - 1 ? [...previous.types.keys()] : [],
  };
}

export function roleSentences(text: string, readings: SentenceReading[], lex: EventLexicon): RoleSentence[] {
  return readings.map((r, i) => roleSentence(text, r, readings[i - 1], lex));
}

/** Whether a sentence is read at run time: it holds an incident cue or follows one that does. */
export function readAtRunTime(s: RoleSentence): boolean {
  return s.types.length > 0 || s.previousTypes.length > 0;
}

/** The features of each sentence: those all its candidates share, and each candidate's own. Article counts are
 *  taken over the sentences read at run time, so a model trained on every sentence sees the same counts when it runs. */
export function featuresOf(sentences: RoleSentence[], lex: EventLexicon): Array<{ shared: number[]; candidates: number[][] }> {
  const doc = roleDocument(sentences.filter(readAtRunTime));
  return sentences.map((s) => ({ shared: sentenceFeatures(s, doc), candidates: s.candidates.map((c) => candidateFeatures(s, c, doc, lex.candidates.stops)) }));
}

interface Accepted {
  candidate: Candidate;
  role: RoleClass;
  p: number;
}

/** The candidates of one sentence the model accepts: the best role of each where its probability reaches that
 *  role's threshold, a filler the rules found where the probability of their role reaches its lower
 *  threshold; then per role the most probable of overlapping candidates. */
function accepted(model: RoleModel, s: RoleSentence, features: { shared: number[]; candidates: number[][] }): Accepted[] {
  const shared = addWeights(model, features.shared, new Float64Array(ROLE_CLASSES.length));
  const probs = new Float64Array(ROLE_CLASSES.length);
  const out: Accepted[] = [];
  s.candidates.forEach((c, i) => {
    probs.set(shared);
    softmax(addWeights(model, features.candidates[i]!, probs));
    let best = 1;
    for (let k = 2; k < ROLE_CLASSES.length; k++) if (probs[k]! > probs[best]!) best = k;
    const ruled = s.ruled[i]!;
    if (probs[best]! >= model.thresholds[best]!) out.push({ candidate: c, role: ROLE_CLASSES[best]!, p: probs[best]! });
    else if (ruled && probs[ruled]! >= model.ruleThresholds[ruled]!) out.push({ candidate: c, role: ROLE_CLASSES[ruled]!, p: probs[ruled]! });
  });
  out.sort((a, b) => b.p - a.p || a.candidate.start - b.candidate.start);
  // Per role, the tokens a kept candidate covers.
  const taken = new Map<RoleClass, Uint8Array>();
  const kept: Accepted[] = [];
  for (const a of out) {
    let tokens = taken.get(a.role);
    if (!tokens) taken.set(a.role, (tokens = new Uint8Array(s.tokens.length)));
    if (tokens.subarray(a.candidate.first, a.candidate.last + 1).some((x) => x === 1)) continue;
    tokens.fill(1, a.candidate.first, a.candidate.last + 1);
    kept.push(a);
  }
  return kept.sort((a, b) => a.candidate.start - b.candidate.start);
}

function mixedCase(text: string): boolean {
  return /\p{Lu}/u.test(text) && /\p{Ll}/u.test(text);
}

/** `first`, and those of `more` that overlap none of them, in text order. */
function alongside<T extends Span>(first: T[], more: T[]): T[] {
  const sorted = [...first].sort((a, b) => a.start - b.start);
  // reach[i]: the furthest end among sorted[0..i].
  const reach: number[] = [];
  sorted.forEach((x, i) => reach.push(Math.max(x.end, reach[i - 1] ?? -1)));
  const free = (x: Span) => {
    const i = firstFrom(sorted, x.end) - 1;
    return i < 0 || reach[i]! <= x.start;
  };
  return [...sorted, ...more.filter(free)].sort((a, b) => a.start - b.start);
}

/**
 * The fillers of each reading. The model learned from text without capitals (MUC-4), where the rules, which lean
 * on the entity tagger, are weak: there it decides, giving the rules' fillers a lower threshold, and a perpetrator
 * the rules found that the knowledge base knows as an armed group stands whatever it says. A sentence written in
 * mixed case, which the model never saw and nothing here measures it on, keeps the rules' fillers; an article
 * written in mixed case throughout costs no classification at all, and `model` is not even asked for.
 *
 * A perpetrator keeps the status and name the rules gave the same words; a new one is attributed (alleged in an
 * accusation), named by its entity or the long form of its acronym, and typed by the model's role (a person where
 * the entity is one).
 */
export function learnedRoles(text: string, readings: SentenceReading[], model: () => RoleModel, lex: EventLexicon, acronyms: Acronyms): SentenceRoles[] {
  const mixed = readings.map((r) => mixedCase(text.slice(r.sentence.start, r.sentence.end)));
  if (mixed.every(Boolean)) return readings.map((r) => r.roles);
  const weights = model();
  const sentences = roleSentences(text, readings, lex);
  const features = featuresOf(sentences, lex);
  return readings.map((r, i) => {
    if (mixed[i]) return r.roles;
    const out: SentenceRoles = { perpetrators: [], weapons: [], targets: [], victims: [] };
    const at = (x: Span) => `${x.start}:${x.end}`;
    const entities = new Map(r.entities.map((e) => [at(e), e]));
    const ruled = new Map(r.roles.perpetrators.map((p) => [at(p), p]));
    for (const { candidate: c, role } of accepted(weights, sentences[i]!, features[i]!)) {
      const entity = entities.get(at(c));
      const filler: RoleFiller = { text: text.slice(c.start, c.end), start: c.start, end: c.end, ...(entity?.id ? { id: entity.id } : {}) };
      if (role === 'target') out.targets.push(filler);
      else if (role === 'victim') out.victims.push(filler);
      else if (role === 'weapon') out.weapons.push(filler);
      else if (role !== 'none') {
        const rule = ruled.get(at(c));
        const entityType = role === 'perpetrator-organisation' ? 'ORG' : rule && rule.entityType !== 'ORG' ? rule.entityType : entity?.type === 'PERSON' ? 'PERSON' : 'DESCRIPTION';
        out.perpetrators.push({
          ...filler,
          name: rule?.name ?? entity?.name ?? acronyms.longForm(filler.text) ?? filler.text,
          status: rule?.status ?? (r.accusation ? 'alleged' : 'attributed'),
          entityType,
        });
      }
    }
    const known = r.roles.perpetrators.filter((p) => p.id && lex.knownPerpetratorKinds.has(getEntity(p.id)?.kind ?? ''));
    return { ...out, perpetrators: alongside(known, out.perpetrators) };
  });
}
