// Features of a candidate role filler for the learned role classifier: its words, the words around it, the
// lexicon words, entities and rule-found fillers it matches or contains, the incident and role cues near it
// (which one, on which side, how far, the words between), and how often the article repeats it. All lower-cased,
// so text in capitals, in lower case or in mixed case reads alike. A feature is an integer: a template's seed
// mixed with the hashes of its words (as the entity tagger does), so no feature string is ever built.
import { hashString, mix } from '../nlp/ner/hash.js';
import type { IncidentType, Span } from '../types.js';
import type { Candidate, Token } from './role-candidates.js';

/** A token range of the sentence with a name: a lexicon word, an entity, a rule-found filler or a cue. */
export interface Mark {
  first: number;
  last: number;
  /** "group:detail" ("entity:ORG", "incident:bombed"); features use its hash and its group's. */
  name: string;
  hash: number;
  group: number;
}

export function mark(first: number, last: number, name: string): Mark {
  const colon = name.indexOf(':');
  return { first, last, name, hash: hashString(name, 0), group: hashString(colon < 0 ? name : name.slice(0, colon), 0) };
}

/** Marks and cues by token, built once per sentence, so a candidate's features cost no more than its length
 *  however long the sentence. */
export interface MarkIndex {
  /** The marks covering each token. */
  covering: Mark[][];
  /** The cues starting at each token. */
  cuesAt: Mark[][];
  /** Per cue group ("incident", "victim-after", ...), for each token the nearest cue ending before it and the
   *  nearest starting after it. */
  before: Map<number, Array<Mark | undefined>>;
  after: Map<number, Array<Mark | undefined>>;
}

/** One sentence as the classifier sees it. */
export interface RoleSentence {
  /** Position of the sentence in the article. */
  index: number;
  span: Span;
  tokens: Token[];
  candidates: Candidate[];
  /** For each candidate, the class (index of ROLE_CLASSES) of the rule-found filler it is, else 0. */
  ruled: number[];
  /** Cues whose position relative to a candidate matters: incident triggers, attribution and victim cues. */
  cues: Mark[];
  /** Where the marks (lexicon words, entities, rule-found fillers) and cues are, by token. */
  lookup: MarkIndex;
  /** Incident types the sentence reports, and those of the sentence before it. */
  types: IncidentType[];
  previousTypes: IncidentType[];
}

/** Article-wide counts: how often each candidate text and each word occur in the sentences read; and the
 *  features every candidate of the article shares (its incident cues: what it is about). */
export interface RoleDocument {
  texts: Map<number, number>;
  words: Map<number, number>;
  shared: number[];
}

export function markIndex(tokens: number, marks: Mark[], cues: Mark[]): MarkIndex {
  const covering: Mark[][] = Array.from({ length: tokens }, () => []);
  for (const m of marks) for (let i = m.first; i <= m.last; i++) covering[i]!.push(m);
  const cuesAt: Mark[][] = Array.from({ length: tokens }, () => []);
  const groups = new Map<number, Mark[]>();
  for (const m of cues) {
    cuesAt[m.first]!.push(m);
    const list = groups.get(m.group);
    if (list) list.push(m);
    else groups.set(m.group, [m]);
  }
  const before = new Map<number, Array<Mark | undefined>>();
  const after = new Map<number, Array<Mark | undefined>>();
  for (const [g, list] of groups) {
    const b = new Array<Mark | undefined>(tokens);
    const byLast = [...list].sort((x, y) => x.last - y.last);
    for (let i = 0, j = 0, best: Mark | undefined; i < tokens; i++) {
      while (j < byLast.length && byLast[j]!.last < i) best = byLast[j++];
      b[i] = best;
    }
    const a = new Array<Mark | undefined>(tokens);
    const byFirst = [...list].sort((x, y) => y.first - x.first);
    for (let i = tokens - 1, j = 0, best: Mark | undefined; i >= 0; i--) {
      while (j < byFirst.length && byFirst[j]!.first > i) best = byFirst[j++];
      a[i] = best;
    }
    before.set(g, b);
    after.set(g, a);
  }
  return { covering, cuesAt, before, after };
}

// One seed per feature template.
const T = Object.fromEntries(
  ['bias', 'text', 'head', 'first', 'suffix', 'size', 'edge', 'joined', 'firstHead', 'word', 'digit', 'p1', 'p2', 'n1', 'n2', 'p1n1', 'pp', 'gb', 'gbw', 'ga', 'gaw',
   'mark', 'contains', 'cueBeforeGap', 'cueBefore', 'cueBeforeWords', 'cueAfterGap', 'cueAfter', 'cueAfterWords', 'noCue', 'afterCue', 'type', 'docCue', 'cued', 'sentence', 'repeats', 'headRepeats', 'between']
    .map((name, i) => [name, hashString(name, 0x5eed + i)]),
) as Record<string, number>;

const EMPTY = hashString('', 0);
const BOUNDARY = hashString('<s>', 0);
const RELATIONS = { exact: hashString('exact', 0), in: hashString('in', 0), has: hashString('has', 0), hasEnd: hashString('hasEnd', 0), cross: hashString('cross', 0) };

/** Counts in buckets: 0, 1, 2, 3, 4-5, 6-9, 10+. */
const bucket = (n: number): number => (n <= 3 ? n : n <= 5 ? 4 : n <= 9 ? 5 : 6);

/** The hash of tokens first..last (inclusive) as one text. */
function textHash(tokens: Token[], first: number, last: number): number {
  let h = T.text!;
  for (let i = first; i <= last; i++) h = mix(h, tokens[i]!.hash);
  return h;
}

export function roleDocument(sentences: RoleSentence[]): RoleDocument {
  const texts = new Map<number, number>();
  const words = new Map<number, number>();
  const cues = new Set<number>();
  for (const s of sentences) {
    for (const c of s.cues) cues.add(c.hash);
    for (const t of s.tokens) if (t.word) words.set(t.hash, (words.get(t.hash) ?? 0) + 1);
    for (const c of s.candidates) {
      const k = textHash(s.tokens, c.first, c.last);
      texts.set(k, (texts.get(k) ?? 0) + 1);
    }
  }
  const cued = sentences.filter((s) => s.types.length).length;
  return { texts, words, shared: [...[...cues].map((c) => mix(T.docCue!, c)), mix(T.cued!, bucket(cued))] };
}

/** The words between two token positions (exclusive) when there are at most three, else their count bucket. */
function between(tokens: Token[], from: number, to: number): number {
  if (to - from - 1 > 3) return mix(T.between!, bucket(to - from - 1));
  let h = EMPTY;
  for (let i = from + 1; i < to; i++) h = mix(h, tokens[i]!.hash);
  return h;
}

/** How an overlapping mark lies against the candidate. */
function relation(m: Mark, c: Candidate): number {
  if (m.first === c.first && m.last === c.last) return RELATIONS.exact;
  if (m.first <= c.first && c.last <= m.last) return RELATIONS.in;
  if (c.first <= m.first && m.last <= c.last) return m.last === c.last ? RELATIONS.hasEnd : RELATIONS.has;
  return RELATIONS.cross;
}

const ARTICLES = new Set(['the', 'a', 'an']);

/** The features of candidate `c` of sentence `s` of its own (see also sentenceFeatures); `stops` are the function
 *  words (data/learned-roles.json). */
export function candidateFeatures(s: RoleSentence, c: Candidate, doc: RoleDocument, stops: Set<string>): number[] {
  const t = s.tokens;
  const word = (i: number) => (i < 0 || i >= t.length ? BOUNDARY : t[i]!.hash);
  const text = textHash(t, c.first, c.last);
  const head = t[c.last]!;
  const first = t[c.first]!.hash;
  const size = c.last - c.first + 1;
  // The candidate's own words and shape: whether it starts and ends where its chunk does says much of its bounds.
  const f = [text, mix(T.head!, head.hash), mix(T.first!, first), mix(T.suffix!, hashString(head.lower.slice(-3), 0)), mix(T.size!, Math.min(size, 6)), mix(T.edge!, 2 * +c.atChunkStart + +c.atChunkEnd)];
  if (c.joined) f.push(T.joined!);
  if (size > 1) f.push(mix(mix(T.firstHead!, first), head.hash));
  for (let i = c.first; i < c.last; i++) f.push(mix(T.word!, t[i]!.hash));
  for (let i = c.first; i <= c.last; i++) {
    if (!/\p{N}/u.test(t[i]!.lower)) continue;
    f.push(T.digit!);
    break;
  }
  // The words around it, and the nearest content words past function words: the verb or noun it hangs on
  // ("hurled ... at", "was killed by").
  const p1 = word(c.first - 1);
  const p2 = word(c.first - 2);
  const n1 = word(c.last + 1);
  f.push(mix(T.p1!, p1), mix(mix(T.p2!, p2), p1), mix(T.n1!, n1), mix(mix(T.n2!, n1), word(c.last + 2)), mix(mix(T.p1n1!, p1), n1));
  if (c.first > 0 && ARTICLES.has(t[c.first - 1]!.lower)) f.push(mix(T.pp!, p2));
  const functionWord = (x: Token) => x.word && stops.has(x.lower);
  let i = c.first - 1;
  let skipped = EMPTY;
  for (let n = 0; i >= 0 && n < 3 && functionWord(t[i]!); n++, i--) skipped = mix(skipped, t[i]!.hash);
  if (i >= 0 && t[i]!.word) f.push(mix(mix(T.gb!, t[i]!.hash), skipped), mix(T.gbw!, t[i]!.hash));
  let j = c.last + 1;
  skipped = EMPTY;
  for (let n = 0; j < t.length && n < 3 && functionWord(t[j]!); n++, j++) skipped = mix(skipped, t[j]!.hash);
  if (j < t.length && t[j]!.word) f.push(mix(mix(T.ga!, skipped), t[j]!.hash), mix(T.gaw!, t[j]!.hash));
  // The lexicon words, entities and rule-found fillers it matches, lies in or contains (each mark once: at the
  // first of its tokens inside the candidate), and the cues it contains.
  const { covering, cuesAt, before, after } = s.lookup;
  for (let k = c.first; k <= c.last; k++) {
    for (const m of covering[k]!) if (Math.max(m.first, c.first) === k) f.push(mix(mix(T.mark!, m.hash), relation(m, c)));
    for (const m of cuesAt[k]!) if (m.last <= c.last) f.push(mix(T.contains!, m.hash));
  }
  // The nearest cue of each group on each side (incident cues, their types, attribution, victim and seizure cues),
  // how far and the words between.
  for (const [group, marks] of before) {
    const m = marks[c.first];
    if (m) f.push(mix(mix(T.cueBeforeGap!, group), bucket(c.first - m.last - 1)), mix(T.cueBefore!, m.hash), mix(mix(T.cueBeforeWords!, m.hash), between(t, m.last, c.first)));
  }
  for (const [group, marks] of after) {
    const m = marks[c.last];
    if (m) f.push(mix(mix(T.cueAfterGap!, group), bucket(m.first - c.last - 1)), mix(T.cueAfter!, m.hash), mix(mix(T.cueAfterWords!, m.hash), between(t, c.last, m.first)));
  }
  // How often the article repeats the candidate and its head.
  f.push(mix(T.repeats!, bucket(doc.texts.get(text) ?? 0)), mix(T.headRepeats!, bucket(doc.words.get(head.hash) ?? 0)));
  return f;
}

/** The features every candidate of sentence `s` shares (scored once per sentence): the incident types of the
 *  sentence and of the one before, its position, and the cues of the whole article. */
export function sentenceFeatures(s: RoleSentence, doc: RoleDocument): number[] {
  const f = [T.bias!, mix(T.sentence!, bucket(s.index)), ...doc.shared];
  if (!s.types.length) f.push(s.previousTypes.length ? T.afterCue! : T.noCue!);
  for (const type of s.types) f.push(mix(T.type!, hashString(type, 0)));
  return f;
}
