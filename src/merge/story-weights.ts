// Document frequencies seen so far, and the IDF-weighted cosine they define. Features are interned as small
// integers (array lookups instead of string-keyed maps: story clustering runs on every article). Weights are
// computed when needed, so a story's centroid (kept as summed term frequencies) is weighed with the current
// statistics.

/** A sparse vector over interned feature ids: parallel arrays of ids and (sublinear) frequencies. */
export interface Sparse {
  ids: number[];
  tf: number[];
}

/** Feature id -> summed frequency over a story's members. */
export type Centroid = Map<number, number>;

export class Weights {
  private readonly ids = new Map<string, number>();
  private readonly df: number[] = [];
  /** Squared IDF of each id, valid while `stamp[id]` equals `n` (so observing an article invalidates all at once). */
  private readonly idf2Cache: number[] = [];
  private readonly stamp: number[] = [];
  /** Articles observed. */
  n = 0;

  /**
   * Features in fewer than `minDf` documents (typos, one-off names) or, once `maxDfFrom` documents have been seen,
   * in more than `maxDfShare` of them (boilerplate) weigh nothing.
   */
  constructor(private readonly minDf: number, private readonly maxDfShare: number, private readonly maxDfFrom: number) {}

  /** The sparse form of a feature -> frequency map; unseen features get new ids (document frequency 0). */
  intern(v: Map<string, number>): Sparse {
    const ids: number[] = [];
    const tf: number[] = [];
    for (const [key, x] of v) {
      let id = this.ids.get(key);
      if (id === undefined) {
        id = this.df.length;
        this.ids.set(key, id);
        this.df.push(0);
        this.idf2Cache.push(0);
        this.stamp.push(-1);
      }
      ids.push(id);
      tf.push(x);
    }
    return { ids, tf };
  }

  observe(v: Sparse): void {
    this.n++;
    for (const id of v.ids) this.df[id]!++;
  }

  idf2(id: number): number {
    if (this.stamp[id] === this.n) return this.idf2Cache[id]!;
    const df = this.df[id]!;
    const w = df < this.minDf || (this.n >= this.maxDfFrom && df > this.maxDfShare * this.n) ? 0 : Math.log((this.n + 1) / (df + 1)) + 1;
    this.stamp[id] = this.n;
    return (this.idf2Cache[id] = w * w);
  }

  /** Euclidean length of an IDF-weighted vector. */
  norm(v: Sparse): number {
    let sum = 0;
    for (let i = 0; i < v.ids.length; i++) sum += v.tf[i]! ** 2 * this.idf2(v.ids[i]!);
    return Math.sqrt(sum);
  }

  /** Euclidean length of an IDF-weighted centroid: computed once per centroid when it is compared many times. */
  centroidNorm(c: Centroid): number {
    let sum = 0;
    for (const [id, x] of c) sum += x * x * this.idf2(id);
    return Math.sqrt(sum);
  }

  /** IDF-weighted dot product of an article and a centroid. */
  dot(a: Sparse, c: Centroid): number {
    let dot = 0;
    for (let i = 0; i < a.ids.length; i++) {
      const y = c.get(a.ids[i]!);
      if (y !== undefined) dot += a.tf[i]! * y * this.idf2(a.ids[i]!);
    }
    return dot;
  }

  /** IDF-weighted dot product of two centroids. */
  centroidDot(a: Centroid, b: Centroid): number {
    if (a.size > b.size) [a, b] = [b, a];
    let dot = 0;
    for (const [id, x] of a) {
      const y = b.get(id);
      if (y !== undefined) dot += x * y * this.idf2(id);
    }
    return dot;
  }

  /**
   * Cosine between a member `a` and the rest of the centroid `c` it was summed into (`c` minus `a`), without
   * building that difference: how well a member fits its group judged by the others alone.
   */
  cosineWithout(a: Sparse, c: Centroid, normA: number, normC: number): number {
    const dot = this.dot(a, c);
    const rest = normC ** 2 - 2 * dot + normA ** 2;
    // A rest of (nearly) zero length: the member is the whole group.
    if (normA === 0 || rest < 1e-9) return 0;
    return (dot - normA ** 2) / (normA * Math.sqrt(rest));
  }

  /**
   * The ids of the `k` features of highest TF-IDF weight, rare ones included: a word seen once so far is the best
   * key for finding the next article that uses it.
   */
  top(v: Sparse, k: number): number[] {
    const scored = v.ids.map((id, i): [number, number] => [id, v.tf[i]! * (Math.log((this.n + 1) / (this.df[id]! + 1)) + 1)]);
    return scored.sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, k).map(([id]) => id);
  }
}
