// Near-duplicate and partial-copy detection: word shingles; a winnowed sample of their hashes as lookup keys
// (Schleimer et al. 2003: the smallest hash in every window of `winnowWindow` shingles); and shingle overlap, over
// 53-bit shingle hashes (see CopyFingerprint), to verify and classify each candidate. Parameters are in
// data/copies.json. Winnowing picks the same keys from the same run of words wherever it occurs, so a passage of
// `winnowWindow` + `shingleWords` - 1 words copied into another text always shares a key with its original, however
// long either text is (what a whole-text MinHash signature misses), and a text files about one key per eight
// shingles: a fraction of the store writes and lookups of a 128-hash signature.
import { readFileSync } from 'node:fs';
import { packagePath } from '../paths.js';
import type { Repository } from '../store/repository.js';
import type { Article, CopyLink } from '../types.js';

interface CopyParameters {
  shingleWords: number;
  winnowWindow: number;
  /** A candidate shares at least this many of a text's keys (all of them, when the text has fewer). */
  minKeyMatches: number;
  nearDuplicateShare: number;
  partialCopyShare: number;
  minSharedShingles: number;
  maxCandidates: number;
  /** Each key is looked up among its most recent postings only, so a lookup costs the same in a big store. */
  maxPostingsPerKey: number;
}

const params: CopyParameters = JSON.parse(readFileSync(packagePath('src/merge/data/copies.json'), 'utf8'));

/** Names how keys are derived: a store whose keys were derived otherwise has its articles signed again. */
export const COPY_KEYS = `winnow:${params.shingleWords}:${params.winnowWindow}`;

const WORD = /[\p{L}\p{N}]+/gu;

/** The `shingleWords`-word runs of the lower-cased words in text order; a shorter text is one run of all its words. */
function shingleList(text: string): string[] {
  const words = text.normalize('NFKC').toLowerCase().match(WORD) ?? [];
  const n = params.shingleWords;
  if (words.length === 0) return [];
  if (words.length < n) return [words.join(' ')];
  const out: string[] = [];
  for (let i = 0; i + n <= words.length; i++) out.push(words.slice(i, i + n).join(' '));
  return out;
}

/** The set of a text's shingles (see shingleList). */
export function shingles(text: string): Set<string> {
  return new Set(shingleList(text));
}

/** FNV-1a over UTF-16 code units: fast, and good enough once mixed by fmix32. */
function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** MurmurHash3's finaliser: spreads every input bit over the output. */
function fmix32(x: number): number {
  x = Math.imul(x ^ (x >>> 16), 0x85ebca6b);
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
  return (x ^ (x >>> 16)) >>> 0;
}

function sharedCount(a: Set<string>, b: Set<string>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const s of small) if (large.has(s)) shared++;
  return shared;
}

/** The exact share (0..1) of `a`'s shingles that also occur in `b`; 0 when `a` has no words. */
export function copyShare(a: string, b: string): number {
  const sa = shingles(a);
  return sa.size === 0 ? 0 : sharedCount(sa, shingles(b)) / sa.size;
}

type CopyClass = Omit<CopyLink, 'articleId' | 'ofArticleId'>;

/**
 * How `copier` relates to `original` given their shingle sets, or null when it is no copy. Identical sets are a
 * duplicate; >= nearDuplicateShare both ways a near-duplicate; >= partialCopyShare of either text a partial copy,
 * provided enough shingles are shared that a stock phrase or two cannot make a short text look copied.
 */
export function classifyCopy(copier: Set<string>, original: Set<string>): CopyClass | null {
  return classifyCounts(sharedCount(copier, original), copier.size, original.size);
}

function classifyCounts(shared: number, copierSize: number, originalSize: number): CopyClass | null {
  if (shared === 0) return null;
  const copierShare = shared / copierSize;
  const originalShare = shared / originalSize;
  if (shared === copierSize && shared === originalSize) return { share: 1, kind: 'duplicate' };
  if (copierShare >= params.nearDuplicateShare && originalShare >= params.nearDuplicateShare) {
    return { share: copierShare, kind: 'near-duplicate' };
  }
  if (shared >= params.minSharedShingles && Math.max(copierShare, originalShare) >= params.partialCopyShare) {
    return { share: copierShare, kind: 'partial-copy' };
  }
  return null;
}

/**
 * What copy detection needs of one text: its lookup keys and its shingles as sorted, distinct 53-bit hashes.
 * Comparing hashes instead of strings makes verification a merge of two arrays; two distinct shingles collide
 * with probability 2^-53, far too rarely to change a share. Plain data, so a worker thread can compute it.
 */
export interface CopyFingerprint {
  /** Winnowed shingle hashes in base 36, distinct; empty for a text without words. */
  keys: string[];
  hashes: Float64Array;
}

/** Second, independent 32-bit string hash (multiply-rotate), giving the low 21 bits of a shingle's 53-bit hash. */
function secondHash(s: string): number {
  let h = 0x2545f491;
  for (let i = 0; i < s.length; i++) {
    h = Math.imul(h ^ s.charCodeAt(i), 0x5bd1e995);
    h = (h << 13) | (h >>> 19);
  }
  return fmix32(h >>> 0);
}

/**
 * The smallest of every `window` consecutive values (the rightmost on a tie, so a run of equal values yields one
 * pick), as positions: each picked once, in order. A text shorter than the window yields its smallest value.
 */
function winnow(values: Uint32Array, window: number): number[] {
  const picks: number[] = [];
  if (values.length === 0) return picks;
  let min = -1;
  for (let end = Math.min(window, values.length) - 1; end < values.length; end++) {
    const start = Math.max(0, end - window + 1);
    if (min < start) {
      // The previous minimum left the window: scan it again (amortised O(1) per value for random hashes).
      min = start;
      for (let i = start + 1; i <= end; i++) if (values[i]! <= values[min]!) min = i;
      picks.push(min);
    } else if (values[end]! <= values[min]!) {
      min = end;
      picks.push(min);
    }
  }
  return picks;
}

export function fingerprint(text: string): CopyFingerprint {
  const list = shingleList(text);
  const all = new Float64Array(list.length);
  // Which shingles become keys is decided on a well-mixed hash, so that common words do not crowd the picks.
  const order = new Uint32Array(list.length);
  for (let i = 0; i < list.length; i++) {
    const h = fnv1a(list[i]!);
    all[i] = h * 0x200000 + (secondHash(list[i]!) & 0x1fffff);
    order[i] = fmix32(h);
  }
  const keys = [...new Set(winnow(order, params.winnowWindow).map((i) => all[i]!.toString(36)))];
  all.sort();
  let n = 0;
  for (let j = 0; j < all.length; j++) if (j === 0 || all[j] !== all[j - 1]) all[n++] = all[j]!;
  return { keys, hashes: all.slice(0, n) };
}

function sharedHashes(a: Float64Array, b: Float64Array): number {
  let i = 0;
  let j = 0;
  let shared = 0;
  while (i < a.length && j < b.length) {
    if (a[i] < b[j]) i++;
    else if (a[i] > b[j]) j++;
    else {
      shared++;
      i++;
      j++;
    }
  }
  return shared;
}

/** The later-published of two articles is taken as the copier; without both dates, the one being checked. */
function copiedBy(published: string | null, otherPublished: string | null): boolean {
  return !(published && otherPublished && otherPublished > published);
}

interface Remembered {
  published: string | null;
  hashes: Float64Array;
}

/**
 * Finds copy links against a store, remembering the shingle hashes of articles it has seen (up to `capacity`
 * hashes in all, least recently used dropped first) so that candidates are rarely re-read and re-shingled.
 */
export class CopyFinder {
  private readonly seen = new Map<string, Remembered>();
  private held = 0;

  constructor(
    private readonly repo: Repository,
    private readonly capacity = 4_000_000,
  ) {}

  /**
   * Copy links between `article` and stored articles: candidates by shared keys (best first, at most
   * maxCandidates, so the cost does not grow with the store), each verified by shingle overlap. The article
   * itself (same id, already stored) is skipped: the store never holds it twice.
   */
  async find(article: Article, print: CopyFingerprint = fingerprint(article.text)): Promise<CopyLink[]> {
    const minMatches = Math.min(params.minKeyMatches, print.keys.length);
    // One more than needed, as the article itself may be among them.
    const candidates = await this.repo.findBySignature(print.keys, minMatches, params.maxPostingsPerKey, params.maxCandidates + 1);
    const links: CopyLink[] = [];
    for (const id of candidates.filter((c) => c !== article.id).slice(0, params.maxCandidates)) {
      const other = await this.recall(id);
      if (!other) continue;
      const shared = sharedHashes(print.hashes, other.hashes);
      const mineFirst = copiedBy(article.published, other.published);
      const copy = mineFirst
        ? classifyCounts(shared, print.hashes.length, other.hashes.length)
        : classifyCounts(shared, other.hashes.length, print.hashes.length);
      if (copy) links.push({ articleId: mineFirst ? article.id : id, ofArticleId: mineFirst ? id : article.id, ...copy });
    }
    return links.sort((x, y) => y.share - x.share);
  }

  /** Keeps a just-stored article's hashes, so later articles compare against it without reading it back. */
  remember(id: string, published: string | null, print: CopyFingerprint): void {
    this.keep(id, { published, hashes: print.hashes });
  }

  private async recall(id: string): Promise<Remembered | null> {
    const hit = this.seen.get(id);
    if (hit) {
      // Re-inserting moves the entry to the end of the Map's order: the most recently used.
      this.seen.delete(id);
      this.seen.set(id, hit);
      return hit;
    }
    const stored = await this.repo.getArticle(id);
    if (!stored) return null;
    const entry = { published: stored.published, hashes: fingerprint(stored.text).hashes };
    this.keep(id, entry);
    return entry;
  }

  private keep(id: string, entry: Remembered): void {
    const old = this.seen.get(id);
    if (old) {
      this.held -= old.hashes.length;
      this.seen.delete(id);
    }
    this.seen.set(id, entry);
    this.held += entry.hashes.length;
    for (const [oldest, e] of this.seen) {
      if (this.held <= this.capacity) break;
      this.seen.delete(oldest);
      this.held -= e.hashes.length;
    }
  }
}

/** Copy links between `article` and stored articles (see CopyFinder.find), without remembering anything. */
export async function findCopies(article: Article, repo: Repository): Promise<CopyLink[]> {
  return new CopyFinder(repo, 0).find(article);
}
