// Streaming story clustering: each article, as it arrives, joins the most similar existing story or starts a new
// one. Similarity is a weighted mean of TF-IDF cosines over content words, names and numbers (two events of one
// kind differ most in who, where and when), against each story's centroid. Candidate stories come from an inverted
// index of each story's top terms and names (blocking), so an article is scored against a few stories, never all.
//
// Repairs for the typical streaming error, where the first article of a second, similar event (another bombing of
// another bank) joins the first event's story and the two then grow together:
// - joining a one-article story takes a stricter match than joining an established one;
// - after a join, the story is checked for two well-separated groups of members (2-means) and split if it holds them;
// - an article that matches two stories whose members are not separated merges them.
// Each costs a bounded amount per article (stories above `maxSplitCheck` articles are left as they are), so the
// whole stays linear in the stream.
import { readFileSync } from 'node:fs';
import { packagePath } from '../paths.js';
import type { Story } from '../types.js';
import { addInto, CHANNELS, emptyVectors, storyVectors, subtractFrom, type Channel, type StoryDocument, type StoryVectors } from './story-features.js';
import { Weights } from './story-weights.js';

export type { StoryDocument } from './story-features.js';

export interface StoryParameters {
  /** Terms in fewer documents than this carry no weight (one-off words cannot link articles). */
  minDf: number;
  /** Terms in more than this share of documents carry no weight... */
  maxDfShare: number;
  /** ...once this many documents have been seen (in a handful of articles on one event, every word is shared). */
  maxDfFrom: number;
  /** How many of an article's highest-weighted terms index it for candidate lookup. */
  topTerms: number;
  /** At most this many candidate stories (those sharing the most index keys) are scored. */
  maxCandidates: number;
  /** A story whose newest article is older than this (days) takes no new articles. */
  windowDays: number;
  /** Weight of the entity-name cosine in the score... */
  entityWeight: number;
  /** ...and of the number cosine (the rest goes to the content-word cosine). */
  numberWeight: number;
  /** The least score that joins an article to a story as it arrives. */
  threshold: number;
  /** The least score that joins an article to a story of one article (singleton joins are where errors start). */
  singletonThreshold: number;
  /** Each group of a split holds at least this many articles. */
  minSplitSize: number;
  /**
   * A story is split in two groups when their members score, on average, at least this much higher against the
   * rest of their own group than against the other group.
   */
  splitMargin: number;
  /**
   * Two stories an article matches are merged unless their members' margin (as for a split) reaches this. At most
   * `splitMargin`, so that a merge is not undone by the next split check.
   */
  mergeMargin: number;
  /** Stories larger than this are neither split nor merged (bounds the cost per article). */
  maxSplitCheck: number;
  /** An index key keeps only its most recent stories, so a common key cannot make lookups grow with the stream. */
  maxStoriesPerKey: number;
}

interface Member {
  article: Story['articles'][number];
  vectors: StoryVectors;
  /** Publication time (ms), if known. */
  when: number | null;
  /** The index keys the article was filed under, so a story split off keeps being found by them. */
  keys: string[];
  /** Its place in the stream (0 for the first article added). */
  arrival: number;
  /** The story it is in now (set when added to one). */
  story?: StoryState;
}

interface StoryState {
  id: string;
  /** The summed vectors of its members. */
  centroid: StoryVectors;
  /** Arrival number of its first article: of two merged stories, the older keeps its id. */
  created: number;
  members: Member[];
  /** Publication time (ms) of its newest article, if known. */
  latest: number | null;
}

const DAY_MS = 86_400_000;
/** 2-means rarely moves anything after a few rounds; a fixed cap keeps the cost per check bounded. */
const SPLIT_ROUNDS = 4;

export function defaultStoryParameters(): StoryParameters {
  return JSON.parse(readFileSync(packagePath('src/merge/data/stories.json'), 'utf8')) as StoryParameters;
}

function emptyStory(id: string, created: number): StoryState {
  return { id, created, members: [], centroid: emptyVectors(), latest: null };
}

function addMember(story: StoryState, member: Member): void {
  story.members.push(member);
  member.story = story;
  addInto(story.centroid, member.vectors);
  if (member.when !== null) story.latest = Math.max(story.latest ?? member.when, member.when);
}

export class StoryClusterer {
  private readonly params: StoryParameters;
  private readonly weights: Record<Channel, Weights>;
  /** Share of each channel's cosine in the score. */
  private readonly mix: Record<Channel, number>;
  private readonly all: StoryState[] = [];
  /** Index key ("t:word" or "n:name") -> stories indexed by it, oldest first. */
  private readonly index = new Map<string, Set<StoryState>>();
  private arrivals = 0;

  /**
   * `background` texts (earlier articles, a reference corpus) only prime the word statistics, so the first
   * articles of a stream are weighted as well as later ones.
   */
  constructor(params: Partial<StoryParameters> = {}, background: Iterable<StoryDocument> = []) {
    this.params = { ...defaultStoryParameters(), ...params };
    const p = this.params;
    const weights = () => new Weights(p.minDf, p.maxDfShare, p.maxDfFrom);
    this.weights = { terms: weights(), names: weights(), numbers: weights() };
    this.mix = { terms: 1 - p.entityWeight - p.numberWeight, names: p.entityWeight, numbers: p.numberWeight };
    for (const doc of background) this.observe(storyVectors(doc));
  }

  /**
   * Places one article and returns the id of its story at that moment. A later split may move the article to a
   * new story; `stories()` gives the current clustering.
   */
  add(doc: StoryDocument): string {
    const p = this.params;
    const vectors = storyVectors(doc);
    this.observe(vectors);
    const time = doc.published ? Date.parse(doc.published) : NaN;
    const when = Number.isNaN(time) ? null : time;
    const keys = [...this.weights.terms.top(vectors.terms, p.topTerms).map((t) => `t:${t}`), ...this.weights.names.top(vectors.names, p.topTerms).map((n) => `n:${n}`)];

    // Ranked by the margin over each story's own bar, so a singleton needs its stricter match to win.
    const matches = this.candidates(keys)
      .filter((story) => when === null || story.latest === null || Math.abs(when - story.latest) <= p.windowDays * DAY_MS)
      .map((story) => ({ story, margin: this.score(vectors, story.centroid) - (story.members.length === 1 ? p.singletonThreshold : p.threshold) }))
      .filter((m) => m.margin >= 0)
      .sort((a, b) => b.margin - a.margin);
    let home = matches[0]?.story;
    if (!home) {
      home = emptyStory(`story-${doc.id}`, this.arrivals);
      this.all.push(home);
    }
    const member: Member = { article: { id: doc.id, title: doc.title, source: doc.source ?? '' }, vectors, when, keys, arrival: this.arrivals++ };
    addMember(home, member);
    this.indexUnder(home, keys);
    // An article that matches two stories may show they were one event all along; otherwise the story it joined
    // may turn out to hold two.
    const runnerUp = matches[1]?.story;
    if (runnerUp && this.checkable(home) && this.checkable(runnerUp) && !this.separated(home.members, runnerUp.members, p.mergeMargin)) {
      this.merge(home, runnerUp);
    } else if (home.members.length >= 2 * p.minSplitSize && this.checkable(home)) {
      this.trySplit(home, member);
    }
    return member.story!.id;
  }

  stories(): Story[] {
    return this.all.filter((s) => s.members.length > 0).map((s) => ({ id: s.id, articles: s.members.map((m) => m.article) }));
  }

  private observe(v: StoryVectors): void {
    for (const c of CHANNELS) this.weights[c].observe(v[c].keys());
  }

  /**
   * The weighted mean of the channel cosines, over the channels both sides have features in: two reports without
   * numbers are not less alike for it. Pass `bNorms` (from `norms`) when `b` is scored against many vectors while
   * the weights stay unchanged.
   */
  private score(a: StoryVectors, b: StoryVectors, bNorms = this.norms(b)): number {
    return this.mixed((c) => {
      const aNorm = this.weights[c].norm(a[c]);
      return aNorm > 0 && bNorms[c] > 0 ? this.weights[c].cosine(a[c], b[c], aNorm, bNorms[c]) : null;
    });
  }

  /** Like `score` against `b` without `a`, when `a` is one of the members summed into `b`. */
  private scoreWithout(a: StoryVectors, b: StoryVectors, bNorms: Record<Channel, number>): number {
    return this.mixed((c) => (this.weights[c].norm(a[c]) > 0 && bNorms[c] > 0 ? this.weights[c].cosineWithout(a[c], b[c], bNorms[c]) : null));
  }

  /** Weighted mean of per-channel cosines; a channel whose cosine is null (no features on one side) is left out. */
  private mixed(cosine: (c: Channel) => number | null): number {
    let sum = 0;
    let share = 0;
    for (const c of CHANNELS) {
      if (this.mix[c] === 0) continue;
      const x = cosine(c);
      if (x === null) continue;
      sum += this.mix[c] * x;
      share += this.mix[c];
    }
    return share === 0 ? 0 : sum / share;
  }

  private norms(v: StoryVectors): Record<Channel, number> {
    return { terms: this.weights.terms.norm(v.terms), names: this.weights.names.norm(v.names), numbers: this.weights.numbers.norm(v.numbers) };
  }

  private indexUnder(story: StoryState, keys: string[]): void {
    for (const key of keys) {
      const set = this.index.get(key) ?? new Set<StoryState>();
      set.delete(story);
      set.add(story);
      if (set.size > this.params.maxStoriesPerKey) set.delete(set.values().next().value!);
      this.index.set(key, set);
    }
  }

  /**
   * Looks for two separated groups among the story's members (2-means seeded with the newest article, then with
   * the member least like the story) and moves the group without the story's first article into a new story.
   */
  private trySplit(story: StoryState, newest: Member): void {
    const groups = this.bisect(story.members, newest) ?? this.bisect(story.members, this.leastLike(story.members, story.centroid));
    if (!groups) return;
    const members = story.members;
    const leaving = groups[0].includes(members[0]!) ? groups[1] : groups[0];
    const moved = new Set(leaving);
    const fresh = emptyStory(`story-${leaving[0]!.article.id}`, leaving[0]!.arrival);
    for (const m of leaving) {
      addMember(fresh, m);
      subtractFrom(story.centroid, m.vectors);
      this.indexUnder(fresh, m.keys);
    }
    story.members = members.filter((m) => !moved.has(m));
    story.latest = story.members.reduce<number | null>((t, m) => (m.when === null ? t : Math.max(t ?? m.when, m.when)), null);
    this.all.push(fresh);
  }

  /**
   * 2-means seeded with `seed` and the member least like it, or null when the two groups found are too small or
   * not separated. The newest article is tried as seed first: when it is one of the first reports of a second
   * event, it is the best seed for that event.
   */
  private bisect(members: Member[], seed: Member): [Member[], Member[]] | null {
    const other = this.leastLike(members, seed.vectors);
    if (other === seed) return null;
    let groups: [Member[], Member[]] = [[seed], [other]];
    for (let round = 0; round < SPLIT_ROUNDS; round++) {
      const [ca, cb] = groups.map(centroid) as [StoryVectors, StoryVectors];
      const [na, nb] = [this.norms(ca), this.norms(cb)];
      const next: [Member[], Member[]] = [[], []];
      for (const m of members) next[this.score(m.vectors, ca, na) >= this.score(m.vectors, cb, nb) ? 0 : 1].push(m);
      if (next[0].length === groups[0].length && next[0].every((m, i) => m === groups[0][i])) break;
      groups = next;
    }
    const p = this.params;
    return Math.min(groups[0].length, groups[1].length) >= p.minSplitSize && this.separated(groups[0], groups[1], p.splitMargin) ? groups : null;
  }

  /**
   * Whether two groups of articles are two events: on average, a member scores at least `margin` higher against
   * the rest of its own group than against the other group. A relative test, as two events of one kind can share
   * more words than two halves of a single wordy event.
   */
  private separated(a: Member[], b: Member[], margin: number): boolean {
    const [ca, cb] = [centroid(a), centroid(b)];
    const [na, nb] = [this.norms(ca), this.norms(cb)];
    let sum = 0;
    for (const m of a) sum += this.scoreWithout(m.vectors, ca, na) - this.score(m.vectors, cb, nb);
    for (const m of b) sum += this.scoreWithout(m.vectors, cb, nb) - this.score(m.vectors, ca, na);
    return sum / (a.length + b.length) >= margin;
  }

  /** Stories larger than `maxSplitCheck` are settled: checking them would cost more per article. */
  private checkable(story: StoryState): boolean {
    return story.members.length <= this.params.maxSplitCheck;
  }

  /** Moves the members of the younger story into the older one; the younger is left empty. */
  private merge(a: StoryState, b: StoryState): void {
    const [keep, gone] = a.created <= b.created ? [a, b] : [b, a];
    for (const m of gone.members) {
      addMember(keep, m);
      this.indexUnder(keep, m.keys);
    }
    keep.members.sort((x, y) => x.arrival - y.arrival);
    gone.members = [];
    gone.centroid = emptyVectors();
  }

  private leastLike(members: Member[], to: StoryVectors): Member {
    let worst = members[0]!;
    let worstScore = Infinity;
    const norms = this.norms(to);
    for (const m of members) {
      const s = this.score(m.vectors, to, norms);
      if (s < worstScore) {
        worst = m;
        worstScore = s;
      }
    }
    return worst;
  }

  /** Stories sharing index keys with the article, those sharing the most first, at most `maxCandidates`. */
  private candidates(keys: string[]): StoryState[] {
    const shared = new Map<StoryState, number>();
    // A story emptied by a merge may linger in the index until newer stories push it out.
    for (const key of keys) for (const s of this.index.get(key) ?? []) if (s.members.length > 0) shared.set(s, (shared.get(s) ?? 0) + 1);
    return [...shared.entries()].sort((a, b) => b[1] - a[1]).slice(0, this.params.maxCandidates).map(([s]) => s);
  }
}

function centroid(members: Member[]): StoryVectors {
  const c = emptyVectors();
  for (const m of members) addInto(c, m.vectors);
  return c;
}
