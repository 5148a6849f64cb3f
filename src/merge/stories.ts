// Streaming story clustering: each article, as it arrives, joins the most similar existing story or starts a new
// one. Similarity is TF-IDF cosine over content words plus cosine over entity names, against each story's
// centroid. Candidate stories come from an inverted index of each story's top terms and entity names (blocking),
// so an article is scored against a few stories, never against all of them: cost grows linearly with articles
// (each comparison costs the size of the story's vocabulary, which is bounded by the language, not the stream).
import { readFileSync } from 'node:fs';
import { packagePath } from '../paths.js';
import type { EntityMention, Story } from '../types.js';

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
  /** Weight of the entity-name cosine in the score (the rest goes to the content-word cosine). */
  entityWeight: number;
  /** The least score that joins an article to a story as it arrives. */
  threshold: number;
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

interface StoryState extends Vectors {
  id: string;
  articles: Story['articles'];
  /** Publication time (ms) of its newest article, if known. */
  latest: number | null;
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
function contentWords(text: string): string[] {
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
  constructor(private readonly minDf: number, private readonly maxDfShare: number, private readonly maxDfFrom: number) {}
  observe(keys: Iterable<string>): void {
    this.n++;
    for (const k of keys) this.df.set(k, (this.df.get(k) ?? 0) + 1);
  }
  idf(key: string): number {
    const df = this.df.get(key) ?? 0;
    if (df < this.minDf || (this.n >= this.maxDfFrom && df > this.maxDfShare * this.n)) return 0;
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
  /**
   * The `k` keys of highest TF-IDF weight, rare keys included: a word seen once so far is the best key for
   * finding the next article that uses it.
   */
  top(doc: Vector, k: number): string[] {
    const idf = (key: string) => Math.log((this.n + 1) / ((this.df.get(key) ?? 0) + 1)) + 1;
    return [...doc.entries()].map(([key, x]): [string, number] => [key, x * idf(key)]).sort((a, b) => b[1] - a[1]).slice(0, k).map(([key]) => key);
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
  /** Index key ("t:word" or "n:name") -> stories indexed by it, oldest first. */
  private readonly index = new Map<string, Set<StoryState>>();

  /**
   * `background` texts (earlier articles, a reference corpus) only prime the word statistics, so the first
   * articles of a stream are weighted as well as later ones.
   */
  constructor(params: Partial<StoryParameters> = {}, background: Iterable<StoryDocument> = []) {
    this.params = { ...defaultStoryParameters(), ...params };
    this.termWeights = new Weights(this.params.minDf, this.params.maxDfShare, this.params.maxDfFrom);
    this.nameWeights = new Weights(this.params.minDf, this.params.maxDfShare, this.params.maxDfFrom);
    for (const doc of background) {
      this.termWeights.observe(new Set(contentWords(`${doc.title ?? ''}\n${doc.text}`)));
      this.nameWeights.observe(new Set(names(doc)));
    }
  }

  /** Places one article and returns the id of its story. */
  add(doc: StoryDocument): string {
    const p = this.params;
    const termTf = counts(contentWords(`${doc.title ?? ''}\n${doc.text}`));
    const nameTf = counts(names(doc));
    this.termWeights.observe(termTf.keys());
    this.nameWeights.observe(nameTf.keys());
    const time = doc.published ? Date.parse(doc.published) : NaN;
    const when = Number.isNaN(time) ? null : time;
    const vectors: Vectors = { terms: sublinear(termTf), names: sublinear(nameTf) };
    const keys = [...this.termWeights.top(vectors.terms, p.topTerms).map((t) => `t:${t}`), ...this.nameWeights.top(vectors.names, p.topTerms).map((n) => `n:${n}`)];

    let best: StoryState | null = null;
    let bestScore = p.threshold;
    for (const story of this.candidates(keys)) {
      if (when !== null && story.latest !== null && Math.abs(when - story.latest) > p.windowDays * DAY_MS) continue;
      const score = this.score(vectors, story);
      if (score >= bestScore) {
        best = story;
        bestScore = score;
      }
    }
    if (!best) {
      best = { id: `story-${doc.id}`, articles: [], terms: new Map(), names: new Map(), latest: null };
      this.all.push(best);
    }
    best.articles.push({ id: doc.id, title: doc.title, source: doc.source ?? '' });
    addInto(best.terms, vectors.terms);
    addInto(best.names, vectors.names);
    if (when !== null) best.latest = Math.max(best.latest ?? when, when);
    for (const key of keys) {
      const set = this.index.get(key) ?? new Set<StoryState>();
      set.delete(best);
      set.add(best);
      if (set.size > p.maxStoriesPerKey) set.delete(set.values().next().value!);
      this.index.set(key, set);
    }
    return best.id;
  }

  stories(): Story[] {
    return this.all.map((s) => ({ id: s.id, articles: [...s.articles] }));
  }

  private score(a: Vectors, b: Vectors): number {
    const w = this.params.entityWeight;
    return (1 - w) * this.termWeights.cosine(a.terms, b.terms) + w * this.nameWeights.cosine(a.names, b.names);
  }

  /** Stories sharing index keys with the article, those sharing the most first, at most `maxCandidates`. */
  private candidates(keys: string[]): StoryState[] {
    const shared = new Map<StoryState, number>();
    for (const key of keys) for (const s of this.index.get(key) ?? []) shared.set(s, (shared.get(s) ?? 0) + 1);
    return [...shared.entries()].sort((a, b) => b[1] - a[1]).slice(0, this.params.maxCandidates).map(([s]) => s);
  }
}
