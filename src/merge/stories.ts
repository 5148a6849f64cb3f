// Streaming story clustering: each article, as it arrives, joins the most similar existing story or starts a new
// one. Similarity is a learnt probability over TF-IDF cosines of content words, names and numbers and over the
// years the texts mention (two events of one kind differ most in who, where and when), against each story's
// centroid (story-similarity.ts). Candidate stories come from an inverted index of each story's top terms and names
// (blocking), so an article is scored against a few stories, never all.
//
// Repairs for the typical streaming error, where the first article of a second, similar event (another bombing of
// another bank) joins the first event's story and the two then grow together:
// - joining a one-article story takes a stricter match than joining an established one;
// - after a join, the story is checked for two well-separated groups of members (2-means) and split if it holds them;
//   two groups each about its own protagonist (the entity its reports name most often) need less separation;
// - an article that matches two stories whose members are not separated merges them;
// - a story, as it grows, is merged with a nearby story (a candidate of its newest article) whose centroid is
//   close to its own, unless the split check would part them: the repair for an event that a split or an early
//   arrival order cut in two;
// - a grown story takes in the small nearby stories whose articles fit it (reports that matched nothing on arrival,
//   when the story was young).
// A split never parts a copy (syndication, a paste) from its original, and none is tried before `splitFrom`
// articles have been seen, when word statistics cannot yet tell an event's words from its kind's.
// Each costs a bounded amount per article (stories above `maxSplitCheck` articles are left as they are), so the
// whole stays linear in the stream. Features are interned as integers and centroid norms cached (see
// story-weights.ts), since this runs on every article the pipeline analyses.
import { readFileSync } from 'node:fs';
import { packagePath } from '../paths.js';
import type { Story } from '../types.js';
import { CHANNELS, type StoryDocument } from './story-features.js';
import { addInto, centroidOf, emptyCentroids, loadSimilarityModel, Similarity, subtractFrom, type Centroids, type Norms, type SimilarityModel, type Vectors } from './story-similarity.js';

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
  /** The least score (a probability, see story-similarity.ts) that joins an article to a story as it arrives. */
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
  /**
   * Two stories of at least `minSplitSize` articles whose centroids score at least this are merged (unless the
   * split check would part them): whole stories are steadier evidence than single articles.
   */
  mergeCosine: number;
  /**
   * Two groups each naming most often its own entity (at least this share of their members do, and at most
   * `protagonistCross` of the other group's)...
   */
  protagonistShare: number;
  protagonistCross: number;
  /** ...are two events at this margin (if it is below the split or merge margin in question). */
  protagonistMargin: number;
  /** The least mean score of a small story's members against a grown story that merges them into it. */
  absorbThreshold: number;
  /** Stories larger than this are neither split nor merged (bounds the cost per article). */
  maxSplitCheck: number;
  /**
   * No story is split before this many articles have been seen (background included): in a short stream every
   * word is shared by a few articles, IDF cannot tell the words of an event from those of its kind, and a split
   * cuts one event in two.
   */
  splitFrom: number;
  /**
   * Two articles sharing at least this share of their index keys (top terms and names) are copies of one text
   * (syndication, a paste, an update of it), which no split may part.
   */
  copyKeyShare: number;
  /** An index key keeps only its most recent stories, so a common key cannot make lookups grow with the stream. */
  maxStoriesPerKey: number;
}

interface Member {
  article: Story['articles'][number];
  vectors: Vectors;
  /** Publication time (ms), if known. */
  when: number | null;
  /** The index keys the article was filed under, so a story split off keeps being found by them. */
  keys: number[];
  /** Its place in the stream (0 for the first article added). */
  arrival: number;
  /** Its norms under the word statistics of `normsAt` articles (see `memberNorms`). */
  norms: Norms;
  normsAt: number;
  /** The earlier member of its story it copies (most index keys shared), which a split keeps it with. */
  original?: Member;
  /** The story it is in now (set when added to one). */
  story?: StoryState;
}

interface StoryState {
  id: string;
  /** The summed vectors of its members. */
  centroid: Centroids;
  /** Norms of the centroid under the word statistics of `normsAt` articles; null when members changed since. */
  norms: Norms | null;
  normsAt: number;
  /** Arrival number of its first article: of two merged stories, the older keeps its id. */
  created: number;
  members: Member[];
  /** Publication time (ms) of its newest article, if known. */
  latest: number | null;
  /** Index keys it shares with the article being placed, valid in candidate pass `tallyPass` only. */
  tally: number;
  tallyPass: number;
}

const DAY_MS = 86_400_000;
/** 2-means rarely moves anything after a few rounds; a fixed cap keeps the cost per check bounded. */
const SPLIT_ROUNDS = 4;

export function defaultStoryParameters(): StoryParameters {
  return JSON.parse(readFileSync(packagePath('src/merge/data/stories.json'), 'utf8')) as StoryParameters;
}

/**
 * A cached centroid norm is reused until the stream has grown by this share since it was computed: word statistics
 * drift slowly, and recomputing the norms of every candidate for every article would cost the most.
 */
const NORM_STALENESS = 0.05;

/** The protagonist most members of the group share (see story-features.ts), with that share. */
function dominant(group: Member[]): [string | null, number] {
  const counts = new Map<string, number>();
  let best: string | null = null;
  let most = 0;
  for (const m of group) {
    const w = m.vectors.who;
    if (w === null) continue;
    const n = (counts.get(w) ?? 0) + 1;
    counts.set(w, n);
    if (n > most) [best, most] = [w, n];
  }
  return [best, most / group.length];
}

function shareOf(group: Member[], who: string): number {
  return group.filter((m) => m.vectors.who === who).length / group.length;
}

function centroid(members: Member[]): Centroids {
  return centroidOf(members.map((m) => m.vectors));
}

function emptyStory(id: string, created: number): StoryState {
  return { id, created, members: [], centroid: emptyCentroids(), norms: null, normsAt: 0, latest: null, tally: 0, tallyPass: 0 };
}

function addMember(story: StoryState, member: Member): void {
  story.members.push(member);
  member.story = story;
  addInto(story.centroid, member.vectors);
  story.norms = null;
  if (member.when !== null) story.latest = Math.max(story.latest ?? member.when, member.when);
}

export class StoryClusterer {
  private readonly params: StoryParameters;
  private readonly sim: Similarity;
  private readonly all: StoryState[] = [];
  /** Index key (2 x term id, or 2 x name id + 1) -> stories indexed by it, oldest first. */
  private readonly index = new Map<number, Set<StoryState>>();
  private arrivals = 0;
  private tallyPass = 0;

  /**
   * `background` texts (earlier articles, a reference corpus) only prime the word statistics, so the first
   * articles of a stream are weighted as well as later ones. `model` is the learnt similarity by default.
   */
  constructor(params: Partial<StoryParameters> = {}, background: Iterable<StoryDocument> = [], model: SimilarityModel = loadSimilarityModel()) {
    this.params = { ...defaultStoryParameters(), ...params };
    const p = this.params;
    this.sim = new Similarity(p.minDf, p.maxDfShare, p.maxDfFrom, model);
    for (const doc of background) this.sim.observe(this.sim.vectorsOf(doc));
  }

  /**
   * Places one article and returns the id of its story at that moment. A later split may move the article to a
   * new story; `stories()` gives the current clustering.
   */
  add(doc: StoryDocument): string {
    const p = this.params;
    const vectors = this.sim.vectorsOf(doc);
    this.sim.observe(vectors);
    const time = doc.published ? Date.parse(doc.published) : NaN;
    const when = Number.isNaN(time) ? null : time;
    // Term ids are even keys, name ids odd ones: one index for both.
    const { weights } = this.sim;
    const keys = [...weights.terms.top(vectors.terms, p.topTerms).map((t) => 2 * t), ...weights.names.top(vectors.names, p.topTerms).map((n) => 2 * n + 1)];
    const norms = this.sim.norms(vectors);

    // Ranked by the margin over each story's own bar, so a singleton needs its stricter match to win.
    const nearby = this.candidates(keys);
    const matches = nearby
      .filter((story) => when === null || story.latest === null || Math.abs(when - story.latest) <= p.windowDays * DAY_MS)
      .map((story) => ({ story, margin: this.sim.score(vectors, norms, story.centroid, this.storyNorms(story)) - (story.members.length === 1 ? p.singletonThreshold : p.threshold) }))
      .filter((m) => m.margin >= 0)
      .sort((a, b) => b.margin - a.margin);
    let home = matches[0]?.story;
    if (!home) {
      home = emptyStory(`story-${doc.id}`, this.arrivals);
      this.all.push(home);
    }
    const member: Member = { article: { id: doc.id, title: doc.title, source: doc.source ?? '' }, vectors, when, keys, norms, normsAt: this.sim.seen, arrival: this.arrivals++ };
    member.original = this.originalOf(keys, home);
    this.join(home, member, norms);
    this.indexUnder(home, keys);
    // An article that matches two stories may show they were one event all along; otherwise the story it joined
    // may turn out to hold two.
    const runnerUp = matches[1]?.story;
    if (runnerUp && this.checkable(home) && this.checkable(runnerUp) && !this.separated(home.members, runnerUp.members, p.mergeMargin)) {
      this.merge(home, runnerUp);
    } else if (home.members.length >= 2 * p.minSplitSize && this.checkable(home) && this.sim.seen >= p.splitFrom) {
      this.trySplit(home, member);
    }
    const settled = member.story!;
    if (settled.members.length >= p.minSplitSize && this.checkable(settled)) this.mergeClose(settled, nearby);
    this.absorbSmall(member.story!, nearby);
    return member.story!.id;
  }

  stories(): Story[] {
    return this.all.filter((s) => s.members.length > 0).map((s) => ({ id: s.id, articles: s.members.map((m) => m.article) }));
  }

  /**
   * Adds a new article to a story, updating its cached centroid norms in place (|c + m|² = |c|² + 2 c·m + |m|²)
   * rather than recomputing them: a large story's centroid has thousands of features.
   */
  private join(story: StoryState, member: Member, memberNorms: Norms): void {
    const norms = story.norms;
    const grown = norms && { ...norms };
    if (grown) for (const c of CHANNELS) grown[c] = Math.sqrt(norms[c] ** 2 + 2 * this.sim.weights[c].dot(member.vectors[c], story.centroid[c]) + memberNorms[c] ** 2);
    addMember(story, member);
    story.norms = grown;
  }

  /** The member's norms, recomputed when the statistics drifted (as a story's). */
  private memberNorms(m: Member): Norms {
    const n = this.sim.seen;
    if (n > m.normsAt * (1 + NORM_STALENESS)) {
      m.norms = this.sim.norms(m.vectors);
      m.normsAt = n;
    }
    return m.norms;
  }

  /** The story's centroid norms, recomputed when its members changed or the statistics drifted. */
  private storyNorms(story: StoryState): Norms {
    const n = this.sim.seen;
    if (!story.norms || n > story.normsAt * (1 + NORM_STALENESS)) {
      story.norms = this.sim.centroidNorms(story.centroid);
      story.normsAt = n;
    }
    return story.norms;
  }

  private indexUnder(story: StoryState, keys: number[]): void {
    for (const key of keys) {
      const set = this.index.get(key) ?? new Set<StoryState>();
      set.delete(story);
      set.add(story);
      if (set.size > this.params.maxStoriesPerKey) set.delete(set.values().next().value!);
      this.index.set(key, set);
    }
  }

  /**
   * Looks for two separated groups among the story's members (2-means seeded with the newest article) and moves
   * the group without the story's first article into a new story. When the newest article is one of the first
   * reports of a second event, it is the best seed for that event (seeding again with the member least like the
   * story, as an earlier version did, cost twice as much and scored lower on ECB+ train: 0.9552 against 0.9568).
   */
  private trySplit(story: StoryState, newest: Member): void {
    const groups = this.bisect(story.members, newest);
    if (!groups) return;
    const members = story.members;
    const moved = new Set(groups[0].includes(members[0]!) ? groups[1] : groups[0]);
    // A copy goes where its original goes (members are in arrival order, so an original is placed first).
    for (const m of members) if (m.original) moved[moved.has(m.original) ? 'add' : 'delete'](m);
    const leaving = members.filter((m) => moved.has(m));
    if (leaving.length === 0) return;
    const fresh = emptyStory(`story-${leaving[0]!.article.id}`, leaving[0]!.arrival);
    for (const m of leaving) {
      addMember(fresh, m);
      subtractFrom(story.centroid, m.vectors);
      this.indexUnder(fresh, m.keys);
    }
    story.members = members.filter((m) => !moved.has(m));
    story.norms = null;
    story.latest = story.members.reduce<number | null>((t, m) => (m.when === null ? t : Math.max(t ?? m.when, m.when)), null);
    this.all.push(fresh);
  }

  /**
   * 2-means seeded with `seed` and the member least like it, or null when the two groups found are too small or
   * not separated.
   */
  private bisect(members: Member[], seed: Member): [Member[], Member[]] | null {
    const other = this.leastLike(members, centroid([seed]), this.memberNorms(seed));
    if (other === seed) return null;
    let groups: [Member[], Member[]] = [[seed], [other]];
    // The centroids of `groups`, when computed: kept for the separation test once 2-means settles.
    let centroids: [Centroids, Centroids] | undefined;
    for (let round = 0; round < SPLIT_ROUNDS; round++) {
      const [ca, cb] = (centroids = [centroid(groups[0]), centroid(groups[1])]);
      const [na, nb] = [this.sim.centroidNorms(ca), this.sim.centroidNorms(cb)];
      const next: [Member[], Member[]] = [[], []];
      for (const m of members) {
        const mn = this.memberNorms(m);
        next[this.sim.logit(m.vectors, mn, ca, na) >= this.sim.logit(m.vectors, mn, cb, nb) ? 0 : 1].push(m);
      }
      if (next[0].length === groups[0].length && next[0].every((m, i) => m === groups[0][i])) break;
      groups = next;
      centroids = undefined;
    }
    const p = this.params;
    return Math.min(groups[0].length, groups[1].length) >= p.minSplitSize && this.separated(groups[0], groups[1], p.splitMargin, centroids) ? groups : null;
  }

  /** The first member of the story sharing at least `copyKeyShare` of its index keys with `keys`, if any. */
  private originalOf(keys: number[], story: StoryState): Member | undefined {
    if (!this.checkable(story) || keys.length === 0) return undefined;
    const own = new Set(keys);
    return story.members.find((m) => {
      let common = 0;
      for (const k of m.keys) if (own.has(k)) common++;
      return common >= this.params.copyKeyShare * Math.min(own.size, m.keys.length);
    });
  }

  /**
   * Whether two groups of articles are two events: on average, a member scores at least `margin` higher against
   * the rest of its own group than against the other group. A relative test, as two events of one kind can share
   * more words than two halves of a single wordy event. Two groups about distinct protagonists (two players
   * arrested a month apart, two bank robberies in two towns) need only `protagonistMargin`: what they share is
   * the kind of event, while an event's own reports keep naming the same who or where.
   */
  private separated(a: Member[], b: Member[], margin: number, [ca, cb]: [Centroids, Centroids] = [centroid(a), centroid(b)]): boolean {
    if (this.distinctProtagonists(a, b)) margin = Math.min(margin, this.params.protagonistMargin);
    const [na, nb] = [this.sim.centroidNorms(ca), this.sim.centroidNorms(cb)];
    let sum = 0;
    for (const m of a) {
      const mn = this.memberNorms(m);
      sum += this.sim.scoreWithout(m.vectors, mn, ca, na) - this.sim.score(m.vectors, mn, cb, nb);
    }
    for (const m of b) {
      const mn = this.memberNorms(m);
      sum += this.sim.scoreWithout(m.vectors, mn, cb, nb) - this.sim.score(m.vectors, mn, ca, na);
    }
    return sum / (a.length + b.length) >= margin;
  }

  /**
   * Whether each group is about its own protagonist: the one most of its members name most often (at least
   * `protagonistShare` of them), which at most `protagonistCross` of the other group's members do.
   */
  private distinctProtagonists(a: Member[], b: Member[]): boolean {
    const { protagonistShare: share, protagonistCross: cross } = this.params;
    const [pa, sa] = dominant(a);
    const [pb, sb] = dominant(b);
    return pa !== null && pb !== null && pa !== pb && sa >= share && sb >= share && shareOf(b, pa) <= cross && shareOf(a, pb) <= cross;
  }

  /**
   * Merges the story with the closest of `others` (the candidates of its newest article) when their centroids
   * score at least `mergeCosine`: a story that a split or an early arrival order cut in two is found again as it
   * grows.
   */
  private mergeClose(story: StoryState, others: StoryState[]): void {
    const p = this.params;
    const norms = this.storyNorms(story);
    let best: StoryState | null = null;
    let bestScore = p.mergeCosine;
    for (const other of others) {
      if (other === story || other.members.length < p.minSplitSize || !this.checkable(other)) continue;
      const s = this.sim.centroidScore(story.centroid, norms, other.centroid, this.storyNorms(other));
      if (s >= bestScore) {
        best = other;
        bestScore = s;
      }
    }
    // Not when the split check would part them again: that gate also keeps a lower `mergeCosine` from merging two
    // events of one kind (on ECB+ train, with the earlier unlearnt similarity, F1 stayed within 0.932-0.936 for
    // mergeCosine 0.2-0.5 with it, and fell to 0.894 at 0.35 without it).
    if (best && !this.separated(story.members, best.members, p.splitMargin)) this.merge(story, best);
  }

  /**
   * Merges into the story the small stories (under `minSplitSize` articles) among `others` whose members score, on
   * average, at least `absorbThreshold` against it: an article that matched no young story on arrival is taken in
   * once the story has grown enough to show what it is about.
   */
  private absorbSmall(story: StoryState, others: StoryState[]): void {
    const p = this.params;
    if (story.members.length < p.minSplitSize || !this.checkable(story)) return;
    for (const other of others) {
      if (other === story || other.members.length === 0 || other.members.length >= p.minSplitSize) continue;
      const norms = this.storyNorms(story);
      let sum = 0;
      for (const m of other.members) sum += this.sim.score(m.vectors, this.memberNorms(m), story.centroid, norms);
      // The older of the two keeps its id (and the members of both).
      if (sum / other.members.length >= p.absorbThreshold) story = this.merge(story, other);
    }
  }

  /** Stories larger than `maxSplitCheck` are settled: checking them would cost more per article. */
  private checkable(story: StoryState): boolean {
    return story.members.length <= this.params.maxSplitCheck;
  }

  /** Moves the members of the younger story into the older one, which it returns; the younger is left empty. */
  private merge(a: StoryState, b: StoryState): StoryState {
    const [keep, gone] = a.created <= b.created ? [a, b] : [b, a];
    for (const m of gone.members) {
      addMember(keep, m);
      this.indexUnder(keep, m.keys);
    }
    keep.members.sort((x, y) => x.arrival - y.arrival);
    gone.members = [];
    gone.centroid = emptyCentroids();
    return keep;
  }

  private leastLike(members: Member[], to: Centroids, toNorms: Norms): Member {
    let worst = members[0]!;
    let worstScore = Infinity;
    for (const m of members) {
      const s = this.sim.logit(m.vectors, this.memberNorms(m), to, toNorms);
      if (s < worstScore) {
        worst = m;
        worstScore = s;
      }
    }
    return worst;
  }

  /** Stories sharing index keys with the article, those sharing the most first, at most `maxCandidates`. */
  private candidates(keys: number[]): StoryState[] {
    // Shared keys are tallied on the stories themselves (reset when first met in this pass), not in a map: with
    // up to maxStoriesPerKey stories under each key, this runs a thousand times an article in a big stream.
    const pass = ++this.tallyPass;
    const met: StoryState[] = [];
    for (const key of keys) {
      for (const s of this.index.get(key) ?? []) {
        // A story emptied by a merge may linger in the index until newer stories push it out.
        if (s.members.length === 0) continue;
        if (s.tallyPass !== pass) {
          s.tallyPass = pass;
          s.tally = 0;
          met.push(s);
        }
        s.tally++;
      }
    }
    // The stories sharing the most keys, ties in the order first met.
    const best: StoryState[] = [];
    const k = this.params.maxCandidates;
    for (const s of met) {
      let i = best.length;
      while (i > 0 && best[i - 1]!.tally < s.tally) i--;
      if (i >= k) continue;
      best.splice(i, 0, s);
      if (best.length > k) best.pop();
    }
    return best;
  }
}
