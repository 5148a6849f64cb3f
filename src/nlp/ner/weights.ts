// The tagger's weight table in two layouts. Training updates a dense rows x tags Float32Array. Tagging reads a
// compact int16-quantised copy: the dense table is tens of megabytes, so nearly every feature lookup missed the
// CPU caches (and the TLB), while only ~15% of its rows hold any weight.
import { TAG_COUNT } from './tags.js';

if (TAG_COUNT !== 17) throw new Error('ner: SparseWeights.addScores is written out for 17 tags');

/** A weight table indexed by hashed features. */
export interface Weights {
  /** Replaces `count` feature hashes of `features`, from `from`, by the positions of their rows in the table. */
  locate(features: Int32Array, from: number, count: number): void;
  /** Adds the weights of `count` located rows to per-tag `scores` (only their order matters to the decoder). */
  addScores(positions: Int32Array, count: number, scores: Float64Array): void;
}

/** rows x TAG_COUNT float weights, row-major: what the perceptron updates. */
export class DenseWeights implements Weights {
  readonly values: Float32Array;
  constructor(readonly rows: number, values?: Float32Array) {
    this.values = values ?? new Float32Array(rows * TAG_COUNT);
  }
  locate(features: Int32Array, from: number, count: number): void {
    const mask = this.rows - 1;
    for (let k = from; k < from + count; k++) features[k] = (features[k]! & mask) * TAG_COUNT;
  }
  addScores(positions: Int32Array, count: number, scores: Float64Array): void {
    const { values } = this;
    for (let k = 0; k < count; k++) {
      const at = positions[k]!;
      for (let t = 0; t < TAG_COUNT; t++) scores[t] += values[at + t]!;
    }
  }
}

/**
 * Non-zero weights only: weight i is `value[i] * scale` at flat index `index[i]` (= row * TAG_COUNT + tag),
 * indices increasing. For tagging, the rows that hold any weight are packed into an int16 table (row 0 all
 * zeros), found through a bitmap of those rows (64 KB for 2^19 rows, so it stays in cache) and a popcount
 * rank, with no data-dependent branch. Scores are in units of `scale`, summed exactly as integers.
 */
export class SparseWeights implements Weights {
  /** Bit r set when row r holds a weight. */
  private readonly present: Uint32Array;
  /** 1 + number of rows with weight before each 32-row word of `present`. */
  private readonly rank: Uint32Array;
  /** The rows with weight, in order, after an all-zero row 0. */
  private readonly table: Int16Array;
  /** The weights `locate` read, folded together and kept so that those reads are not optimised away. */
  private touched = 0;

  constructor(
    readonly rows: number,
    readonly scale: number,
    readonly index: Uint32Array,
    readonly value: Int16Array,
  ) {
    const words = Math.ceil(rows / 32);
    this.present = new Uint32Array(words);
    this.rank = new Uint32Array(words);
    let packed = 0;
    for (let i = 0, lastRow = -1; i < index.length; i++) {
      const row = Math.floor(index[i]! / TAG_COUNT);
      if (row === lastRow) continue;
      this.present[row >>> 5]! |= 1 << (row & 31);
      packed++;
      lastRow = row;
    }
    this.rank[0] = 1;
    for (let w = 1; w < words; w++) this.rank[w] = this.rank[w - 1]! + popcount(this.present[w - 1]!);
    this.table = new Int16Array((packed + 1) * TAG_COUNT);
    for (let i = 0; i < index.length; i++) {
      const row = Math.floor(index[i]! / TAG_COUNT);
      this.table[this.packedRow(row) * TAG_COUNT + index[i]! - row * TAG_COUNT] = value[i]!;
    }
  }

  /** Position of a row in `table`; 0 (the zero row) for rows without weight. */
  private packedRow(row: number): number {
    const word = row >>> 5;
    const bits = this.present[word]!;
    const shift = row & 31;
    return ((bits >>> shift) & 1) * (this.rank[word]! + popcount(bits & ~(-1 << shift)));
  }

  /** Quantises dense weights to int16 steps of the largest weight / 32767, dropping those that round to zero. */
  static quantise(dense: DenseWeights): SparseWeights {
    const { values } = dense;
    let max = 0;
    for (const w of values) max = Math.max(max, Math.abs(w));
    const scale = max === 0 ? 1 : max / 32767;
    const index: number[] = [];
    const value: number[] = [];
    for (let i = 0; i < values.length; i++) {
      const q = Math.round(values[i]! / scale);
      if (q === 0) continue;
      index.push(i);
      value.push(q);
    }
    return new SparseWeights(values.length / TAG_COUNT, scale, Uint32Array.from(index), Int16Array.from(value));
  }

  /** Also reads the first and last weight of each located row. The rows of a sentence's features are located
   * together before any is scored, and those independent reads let the CPU fetch many rows from memory at
   * once, where scoring's dependent reads would meet the cache misses one or two at a time. */
  locate(features: Int32Array, from: number, count: number): void {
    const { table } = this;
    const mask = this.rows - 1;
    let touched = this.touched;
    for (let k = from; k < from + count; k++) {
      const at = this.packedRow(features[k]! & mask) * TAG_COUNT;
      features[k] = at;
      touched ^= table[at]! ^ table[at + TAG_COUNT - 1]!;
    }
    this.touched = touched;
  }

  addScores(positions: Int32Array, count: number, scores: Float64Array): void {
    const { table } = this;
    // One running sum per tag in a local, written out by hand: V8 keeps them in registers, where a loop over
    // tags would load and store every sum once per feature (measured: about a fifth of tagging time).
    let s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0, s8 = 0, s9 = 0, s10 = 0, s11 = 0, s12 = 0, s13 = 0, s14 = 0, s15 = 0, s16 = 0;
    for (let k = 0; k < count; k++) {
      const at = positions[k]!;
      s0 += table[at]!;
      s1 += table[at + 1]!;
      s2 += table[at + 2]!;
      s3 += table[at + 3]!;
      s4 += table[at + 4]!;
      s5 += table[at + 5]!;
      s6 += table[at + 6]!;
      s7 += table[at + 7]!;
      s8 += table[at + 8]!;
      s9 += table[at + 9]!;
      s10 += table[at + 10]!;
      s11 += table[at + 11]!;
      s12 += table[at + 12]!;
      s13 += table[at + 13]!;
      s14 += table[at + 14]!;
      s15 += table[at + 15]!;
      s16 += table[at + 16]!;
    }
    scores[0] += s0;
    scores[1] += s1;
    scores[2] += s2;
    scores[3] += s3;
    scores[4] += s4;
    scores[5] += s5;
    scores[6] += s6;
    scores[7] += s7;
    scores[8] += s8;
    scores[9] += s9;
    scores[10] += s10;
    scores[11] += s11;
    scores[12] += s12;
    scores[13] += s13;
    scores[14] += s14;
    scores[15] += s15;
    scores[16] += s16;
  }
}

function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  x = (x + (x >>> 4)) & 0x0f0f0f0f;
  return Math.imul(x, 0x01010101) >>> 24;
}
