// Document frequencies seen so far, and the IDF-weighted cosine they define. Weights are computed when needed, so a
// story's centroid (kept as summed term frequencies) is always weighted with the current statistics.
import type { Vector } from './story-features.js';

export class Weights {
  private df = new Map<string, number>();
  private n = 0;
  /**
   * Terms in fewer than `minDf` documents (typos, one-off names) or, once `maxDfFrom` documents have been seen, in
   * more than `maxDfShare` of them (boilerplate) weigh nothing.
   */
  constructor(private readonly minDf: number, private readonly maxDfShare: number, private readonly maxDfFrom: number) {}

  /** IDF values computed since the last `observe`: one article's placement asks for the same keys many times. */
  private cache = new Map<string, number>();

  observe(keys: Iterable<string>): void {
    this.n++;
    for (const k of keys) this.df.set(k, (this.df.get(k) ?? 0) + 1);
    this.cache.clear();
  }

  idf(key: string): number {
    let w = this.cache.get(key);
    if (w === undefined) {
      const df = this.df.get(key) ?? 0;
      w = df < this.minDf || (this.n >= this.maxDfFrom && df > this.maxDfShare * this.n) ? 0 : Math.log((this.n + 1) / (df + 1)) + 1;
      this.cache.set(key, w);
    }
    return w;
  }

  /** Euclidean length of an IDF-weighted vector: computed once per centroid when it is compared many times. */
  norm(v: Vector): number {
    let sum = 0;
    for (const [k, x] of v) sum += (x * this.idf(k)) ** 2;
    return Math.sqrt(sum);
  }

  /** IDF-weighted cosine; iterates over `a`, so pass the smaller vector first. Norms may be given when known. */
  cosine(a: Vector, b: Vector, normA = this.norm(a), normB = this.norm(b)): number {
    if (normA === 0 || normB === 0) return 0;
    let dot = 0;
    for (const [k, x] of a) {
      const y = b.get(k);
      if (y !== undefined) dot += x * y * this.idf(k) ** 2;
    }
    return dot / (normA * normB);
  }

  /**
   * Cosine between a member `a` and the rest of the centroid `c` it was summed into (`c` minus `a`), without
   * building that difference: how well a member fits its group judged by the others alone.
   */
  cosineWithout(a: Vector, c: Vector, normC = this.norm(c)): number {
    const normA = this.norm(a);
    let dot = 0;
    for (const [k, x] of a) {
      const y = c.get(k);
      if (y !== undefined) dot += x * y * this.idf(k) ** 2;
    }
    const rest = normC ** 2 - 2 * dot + normA ** 2;
    // A rest of (nearly) zero length: the member is the whole group.
    if (normA === 0 || rest < 1e-9) return 0;
    return (dot - normA ** 2) / (normA * Math.sqrt(rest));
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
