// Streaming story clustering: each article, as it arrives, joins the most similar existing story or starts a new
// one. Similarity is TF-IDF cosine over content words plus cosine over entity names, against each story's
// centroid. Candidate stories come from an inverted index of each story's top terms and entity names (blocking),
// so an article is scored against a few stories, never against all of them: cost grows linearly with articles.
import { readFileSync } from 'node:fs';
import { packagePath } from '../paths.js';
import type { EntityMention, Story } from '../types.js';

export interface StoryParameters {
  /** Terms in fewer documents than this carry no weight (one-off words cannot link articles). */
  minDf: number;
  /** Terms in more than this share of documents carry no weight. */
  maxDfShare: number;
  /** How many of an article's highest-weighted terms index it for candidate lookup. */
  topTerms: number;
  /** At most this many candidate stories (those sharing the most index keys) are scored. */
  maxCandidates: number;
  /** A story whose newest article is older than this (days) takes no new articles. */
  windowDays: number;
  /** Weight of the entity-name cosine in the score (the rest goes to the content-word cosine). */
  entityWeight: number;
  /** The least score that joins an article to a story as it arrives. */
  threshold: number;
  /** When stories are read, a story whose two halves (2-means) score below this is split in two. */
  splitThreshold: number;
  /** When stories are read, two stories whose centroids score at least this are merged (kept above splitThreshold). */
  mergeThreshold: number;
  /** An index key keeps only its most recent stories, so a common key cannot make lookups grow with the stream. */
  maxStoriesPerKey: number;
}

export interface StoryDocument {
  id: string;
  title: string | null;
  text: string;
  published: string | null;
  source?: string;
  /** Entity mentions from the annotations; without them, capitalised word runs stand in for names. */
  entities?: Array<Pick<EntityMention, 'text'> & Partial<Pick<EntityMention, 'id' | 'name'>>>;
}

type Vector = Map<string, number>;

/** Term and name frequency vectors: of one article, or summed over a story (its centroid). */
interface Vectors {
  terms: Vector;
  names: Vector;
}

interface Member extends Vectors {
  article: Story['articles'][number];
  /** The index keys (top terms and names) the article brought. */
  keys: string[];
  when: number | null;
}

interface StoryState extends Vectors {
  id: string;
  members: Member[];
  latest: number | null;
  /** Set when the story was merged into another one. */
  mergedInto: StoryState | null;
}

const WORD = /[\p{L}\p{N}]+/gu;
// A run of capitalised words not at a sentence start: a stand-in for a name when no entities are given.
const NAME = /(?<![.!?"“]\s|^)\b\p{Lu}[\p{L}\p{N}'-]*(?:\s+\p{Lu}[\p{L}\p{N}'-]*)*/gmu;
const DAY_MS = 86_400_000;

let stopwords: Set<string> | null = null;
function stopwordSet(): Set<string> {
  stopwords ??= new Set((JSON.parse(readFileSync(packagePath('src/merge/data/stopwords.json'), 'utf8')) as { words: string[] }).words);
  return stopwords;
}

export function defaultStoryParameters(): StoryParameters {
  return JSON.parse(readFileSync(packagePath('src/merge/data/stories.json'), 'utf8')) as StoryParameters;
}

function counts(items: Iterable<string>): Map<string, number> {
  const out = new Map<string, number>();
  for (const t of items) out.set(t, (out.get(t) ?? 0) + 1);
  return out;
}

/** Content words: lower-case, no stop words, no one- or two-letter tokens, a plural "s" dropped. */
export function contentWords(text: string): string[] {
  const stop = stopwordSet();
  const out: string[] = [];
  for (const m of text.toLowerCase().matchAll(WORD)) {
    const w = m[0];
    if (w.length < 3 || stop.has(w)) continue;
    out.push(w.length > 4 && w.endsWith('s') && !w.endsWith('ss') ? w.slice(0, -1) : w);
  }
  return out;
}

function names(doc: StoryDocument): string[] {
  if (doc.entities) return doc.entities.map((e) => (e.id ?? e.name ?? e.text).toLowerCase());
  // Single words of names: "Jamal Williams" and "Williams" then share a feature.
  const stop = stopwordSet();
  const out: string[] = [];
  for (const m of doc.text.matchAll(NAME)) for (const w of m[0].toLowerCase().split(/\s+/)) if (!stop.has(w)) out.push(w);
  return out;
}

/**
 * Document frequencies of what the clusterer has seen. Weights are computed when needed, so a story's centroid
 * (kept as summed term frequencies) is always weighted with the current statistics. Terms in fewer than `minDf`
 * documents (typos, one-off names) or in more than `maxDfShare` of them (boilerplate) weigh nothing.
 */
class Weights {
  private df = new Map<string, number>();
  private n = 0;
  constructor(private readonly minDf: number, private readonly maxDfShare: number) {}
  observe(keys: Iterable<string>): void {
    this.n++;
    for (const k of keys) this.df.set(k, (this.df.get(k) ?? 0) + 1);
  }
  idf(key: string): number {
    const df = this.df.get(key) ?? 0;
    if (df < this.minDf || df > this.maxDfShare * this.n) return 0;
    return Math.log((this.n + 1) / (df + 1)) + 1;
  }
  /** Cosine between a document's term frequencies and a centroid's summed term frequencies, IDF-weighted. */
  cosine(doc: Vector, centroid: Vector): number {
    let dot = 0;
    let dn = 0;
    for (const [k, x] of doc) {
      const w = this.idf(k);
      if (w === 0) continue;
      dn += (x * w) ** 2;
      dot += x * w * w * (centroid.get(k) ?? 0);
    }
    if (dot === 0) return 0;
    let cn = 0;
    for (const [k, x] of centroid) cn += (x * this.idf(k)) ** 2;
    return dot / Math.sqrt(dn * cn);
  }
  /** The `k` keys of highest TF-IDF weight. */
  top(doc: Vector, k: number): string[] {
    return [...doc.entries()].map(([key, x]): [string, number] => [key, x * this.idf(key)]).filter(([, w]) => w > 0).sort((a, b) => b[1] - a[1]).slice(0, k).map(([key]) => key);
  }
}

/** Sublinear term frequency (1 + log tf), which keeps one long article from dominating a story's centroid. */
function sublinear(tf: Map<string, number>): Vector {
  const v: Vector = new Map();
  for (const [k, c] of tf) v.set(k, 1 + Math.log(c));
  return v;
}

function addInto(target: Vector, v: Vector): void {
  for (const [k, x] of v) target.set(k, (target.get(k) ?? 0) + x);
}

export class StoryClusterer {
  private readonly params: StoryParameters;
  private readonly termWeights: Weights;
  private readonly nameWeights: Weights;
  private readonly all: StoryState[] = [];
  private readonly byId = new Map<string, StoryState>();
  /** Index key ("t:word" or "n:name") -> stories indexed by it, oldest first. */
  private readonly index = new Map<string, Set<StoryState>>();

  /**
   * `background` texts (earlier articles, a reference corpus) only prime the word statistics, so the first
   * articles of a stream are weighted as well as later ones.
   */
  constructor(params: Partial<StoryParameters> = {}, background: Iterable<StoryDocument> = []) {
    this.params = { ...defaultStoryParameters(), ...params };
    this.termWeights = new Weights(this.params.minDf, this.params.maxDfShare);
    this.nameWeights = new Weights(this.params.minDf, this.params.maxDfShare);
    for (const doc of background) {
      this.termWeights.observe(new Set(contentWords(`${doc.title ?? ''}\n${doc.text}`)));
      this.nameWeights.observe(new Set(names(doc)));
    }
  }

  /** Places one article and returns the id of its story (see `storyOf` for where it is later). */
  add(doc: StoryDocument): string {
    const p = this.params;
    const termTf = counts(contentWords(`${doc.title ?? ''}\n${doc.text}`));
    const nameTf = counts(names(doc));
    this.termWeights.observe(termTf.keys());
    this.nameWeights.observe(nameTf.keys());
    const time = doc.published ? Date.parse(doc.published) : NaN;
    const member: Member = {
      article: { id: doc.id, title: doc.title, source: doc.source ?? '' },
      terms: sublinear(termTf),
      names: sublinear(nameTf),
      keys: [],
      when: Number.isNaN(time) ? null : time,
    };
    member.keys = [...this.termWeights.top(member.terms, p.topTerms).map((t) => `t:${t}`), ...this.nameWeights.top(member.names, p.topTerms).map((n) => `n:${n}`)];

    let best: StoryState | null = null;
    let bestScore = p.threshold;
    for (const story of this.candidates(member.keys)) {
      if (!this.inWindow(member.when, story.latest)) continue;
      const score = this.score(member, story);
      if (score >= bestScore) {
        best = story;
        bestScore = score;
      }
    }
    best ??= this.newStory(`story-${doc.id}`);
    this.join(best, [member]);
    return best.id;
  }

  /**
   * Current stories. Arrival order can mislead a stream (an article about a similar event may join a story
   * while it is still one article long), so reading the stories first splits any story made of two clearly
   * different halves, then merges stories whose centroids are close (the older story keeps its id). Each story is
   * compared only with its blocking candidates, so this stays linear in the number of articles.
   */
  stories(): Story[] {
    this.consolidate();
    return this.all.map((s) => ({ id: s.id, articles: s.members.map((m) => m.article) }));
  }

  /** The story an id returned by `add` now belongs to (it may have been merged since). */
  storyOf(id: string): string {
    let s = this.byId.get(id);
    while (s?.mergedInto) s = s.mergedInto;
    return s?.id ?? id;
  }

  private inWindow(a: number | null, b: number | null): boolean {
    return a === null || b === null || Math.abs(a - b) <= this.params.windowDays * DAY_MS;
  }

  private score(a: Vectors, b: Vectors): number {
    const w = this.params.entityWeight;
    return (1 - w) * this.termWeights.cosine(a.terms, b.terms) + w * this.nameWeights.cosine(a.names, b.names);
  }

  private newStory(id: string): StoryState {
    const story: StoryState = { id, members: [], terms: new Map(), names: new Map(), latest: null, mergedInto: null };
    this.all.push(story);
    this.byId.set(id, story);
    return story;
  }

  private join(story: StoryState, members: Member[]): void {
    for (const m of members) {
      story.members.push(m);
      addInto(story.terms, m.terms);
      addInto(story.names, m.names);
      if (m.when !== null) story.latest = Math.max(story.latest ?? m.when, m.when);
      for (const key of m.keys) {
        const set = this.index.get(key) ?? new Set<StoryState>();
        set.delete(story);
        set.add(story);
        if (set.size > this.params.maxStoriesPerKey) set.delete(set.values().next().value!);
        this.index.set(key, set);
      }
    }
  }

  /** Stories sharing index keys with the article, those sharing the most first, at most `maxCandidates`. */
  private candidates(keys: Iterable<string>): StoryState[] {
    const shared = new Map<StoryState, number>();
    for (const key of keys) for (const s of this.index.get(key) ?? []) shared.set(s, (shared.get(s) ?? 0) + 1);
    return [...shared.entries()].sort((a, b) => b[1] - a[1]).slice(0, this.params.maxCandidates).map(([s]) => s);
  }

  private consolidate(): void {
    for (const story of [...this.all]) this.splitRecursively(story);
    for (let changed = true; changed; ) {
      changed = false;
      for (const story of [...this.all].sort((a, b) => b.members.length - a.members.length)) {
        if (story.mergedInto) continue;
        let best: StoryState | null = null;
        let bestScore = this.params.mergeThreshold;
        for (const other of this.candidates(story.members.flatMap((m) => m.keys))) {
          if (other === story || other.mergedInto || !this.inWindow(story.latest, other.latest)) continue;
          const s = this.score(story, other);
          if (s >= bestScore) {
            best = other;
            bestScore = s;
          }
        }
        if (best) {
          const [keep, gone] = this.all.indexOf(story) < this.all.indexOf(best) ? [story, best] : [best, story];
          this.remove(gone);
          gone.mergedInto = keep;
          this.join(keep, gone.members);
          changed = true;
        }
      }
    }
  }

  private remove(story: StoryState): void {
    this.all.splice(this.all.indexOf(story), 1);
    for (const m of story.members) for (const key of m.keys) this.index.get(key)?.delete(story);
  }

  /** Splits a story in two (2-means seeded by its first article and the article least like it) while its halves differ. */
  private splitRecursively(story: StoryState): void {
    if (story.members.length < 4) return;
    const first = story.members[0]!;
    let seedB = first;
    let low = Infinity;
    for (const m of story.members) {
      const s = this.score(m, first);
      if (s < low) {
        low = s;
        seedB = m;
      }
    }
    let a: Member[] = [first];
    let b: Member[] = [seedB];
    for (let round = 0; round < 3; round++) {
      const ca = sum(a);
      const cb = sum(b);
      a = [];
      b = [];
      for (const m of story.members) (m === first || (m !== seedB && this.score(m, ca) >= this.score(m, cb)) ? a : b).push(m);
    }
    if (b.length === 0 || this.score(sum(a), sum(b)) >= this.params.splitThreshold) return;
    this.remove(story);
    const keep = this.newStory(story.id);
    const other = this.newStory(`story-${b[0]!.article.id}`);
    story.mergedInto = keep;
    this.join(keep, a);
    this.join(other, b);
    this.splitRecursively(keep);
    this.splitRecursively(other);
  }
}

function sum(members: Member[]): Vectors {
  const out: Vectors = { terms: new Map(), names: new Map() };
  for (const m of members) {
    addInto(out.terms, m.terms);
    addInto(out.names, m.names);
  }
  return out;
}
