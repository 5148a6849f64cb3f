// Near-duplicate and partial-copy detection: word shingles, MinHash signatures banded for LSH candidate lookup,
// and exact shingle overlap to verify and classify each candidate. Parameters are in data/copies.json. Bands are
// single rows and a candidate must share `minBandMatches` of them: that still finds most pairs with a shingle
// Jaccard near 0.05 (a short article copied whole into a long one), which multi-row bands would mostly miss.
import { readFileSync } from 'node:fs';
import { packagePath } from '../paths.js';
import type { Repository } from '../store/repository.js';
import type { Article, CopyLink } from '../types.js';

interface CopyParameters {
  shingleWords: number;
  hashes: number;
  rowsPerBand: number;
  minBandMatches: number;
  nearDuplicateShare: number;
  partialCopyShare: number;
  minSharedShingles: number;
  maxCandidates: number;
}

const params: CopyParameters = JSON.parse(readFileSync(packagePath('src/merge/data/copies.json'), 'utf8'));

const WORD = /[\p{L}\p{N}]+/gu;

/** The set of `shingleWords`-word runs of the lower-cased words; a shorter text is one shingle of all its words. */
export function shingles(text: string): Set<string> {
  const words = text.normalize('NFKC').toLowerCase().match(WORD) ?? [];
  const n = params.shingleWords;
  const out = new Set<string>();
  if (words.length === 0) return out;
  if (words.length < n) {
    out.add(words.join(' '));
    return out;
  }
  for (let i = 0; i + n <= words.length; i++) out.add(words.slice(i, i + n).join(' '));
  return out;
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

export interface Signature {
  minhash: Uint32Array;
  /** `band:rows-in-hex` keys; two texts sharing a key are LSH candidates. Empty for a text without words. */
  bands: string[];
}

/** MinHash signature of a text; the i-th hash is fmix32(h1 + i*h2) (double hashing, one string hash per shingle). */
export function signature(text: string): Signature {
  return signatureOf(shingles(text));
}

function signatureOf(set: Set<string>): Signature {
  const minhash = new Uint32Array(params.hashes).fill(0xffffffff);
  for (const shingle of set) {
    const h1 = fnv1a(shingle);
    const h2 = fmix32(h1 ^ 0x9e3779b9) | 1;
    for (let i = 0; i < minhash.length; i++) {
      const h = fmix32((h1 + Math.imul(i, h2)) >>> 0);
      if (h < minhash[i]) minhash[i] = h;
    }
  }
  const bands: string[] = [];
  if (set.size > 0) {
    for (let b = 0; b * params.rowsPerBand < minhash.length; b++) {
      const rows = Array.from(minhash.subarray(b * params.rowsPerBand, (b + 1) * params.rowsPerBand), (v) => v.toString(16));
      bands.push(`${b}:${rows.join('.')}`);
    }
  }
  return { minhash, bands };
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

/**
 * How `copier` relates to `original` given their shingle sets, or null when it is no copy. Identical sets are a
 * duplicate; >= nearDuplicateShare both ways a near-duplicate; >= partialCopyShare of either text a partial copy,
 * provided enough shingles are shared that a stock phrase or two cannot make a short text look copied.
 */
export function classifyCopy(copier: Set<string>, original: Set<string>): Omit<CopyLink, 'articleId' | 'ofArticleId'> | null {
  const shared = sharedCount(copier, original);
  if (shared === 0) return null;
  const copierShare = shared / copier.size;
  const originalShare = shared / original.size;
  if (shared === copier.size && shared === original.size) return { share: 1, kind: 'duplicate' };
  if (copierShare >= params.nearDuplicateShare && originalShare >= params.nearDuplicateShare) {
    return { share: copierShare, kind: 'near-duplicate' };
  }
  if (shared >= params.minSharedShingles && Math.max(copierShare, originalShare) >= params.partialCopyShare) {
    return { share: copierShare, kind: 'partial-copy' };
  }
  return null;
}

/** The later-published of two articles is taken as the copier; without both dates, the one being checked. */
function copiedBy(article: Article, other: Article): boolean {
  return !(article.published && other.published && other.published > article.published);
}

/**
 * Copy links between `article` and stored articles: candidates by shared signature bands (best first, at most
 * maxCandidates, so the cost does not grow with the store), each verified by exact shingle overlap. The article
 * itself (same id, already stored) is skipped: the store never holds it twice.
 */
export async function findCopies(article: Article, repo: Repository): Promise<CopyLink[]> {
  const mine = shingles(article.text);
  const candidates = await repo.findByBands(signatureOf(mine).bands, params.minBandMatches);
  const links: CopyLink[] = [];
  for (const id of candidates.filter((c) => c !== article.id).slice(0, params.maxCandidates)) {
    const other = await repo.getArticle(id);
    if (!other) continue;
    const theirs = shingles(other.text);
    const [copier, original, copierSet, originalSet] = copiedBy(article, other)
      ? [article, other, mine, theirs]
      : [other, article, theirs, mine];
    const copy = classifyCopy(copierSet, originalSet);
    if (copy) links.push({ articleId: copier.id, ofArticleId: original.id, ...copy });
  }
  return links.sort((x, y) => y.share - x.share);
}
