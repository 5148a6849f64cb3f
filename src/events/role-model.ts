// The learned role classifier's weights: multinomial logistic regression over hashed candidate features
// (role-features.ts), one weight per feature and class, with one acceptance threshold per role. Trained by
// `npm run train:roles` (scripts/train-roles.ts) into models/roles.bin.gz, read once, lazily.
import { readFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import { packagePath } from '../paths.js';

/** Class 0 is "no role"; the others are the roles a candidate can fill. */
export const ROLE_CLASSES = ['none', 'perpetrator-individual', 'perpetrator-organisation', 'target', 'victim', 'weapon'] as const;
export type RoleClass = (typeof ROLE_CLASSES)[number];

const CLASSES = ROLE_CLASSES.length;
// A slot of the weight table: the feature hash, its class weights, and whether the slot is taken.
const SLOT = 8;
const TAKEN = SLOT - 1;

/** The weights by feature hash, for scoring: open addressing in one typed array, a slot of eight 32-bit words per
 *  feature, so a lookup touches one cache line (several times faster than a Map of rows here). */
export class WeightTable {
  private readonly floats: Float32Array;
  private readonly ints: Int32Array;
  private readonly mask: number;

  /** `keys[r]` is the feature whose weights are row `r` of `weights`. */
  constructor(keys: Int32Array, weights: Float32Array) {
    let capacity = 16;
    while (capacity < 2 * keys.length) capacity *= 2;
    this.floats = new Float32Array(capacity * SLOT);
    this.ints = new Int32Array(this.floats.buffer);
    this.mask = capacity - 1;
    keys.forEach((key, row) => {
      let i = key & this.mask;
      while (this.ints[i * SLOT + TAKEN]) i = (i + 1) & this.mask;
      this.ints[i * SLOT] = key;
      this.ints[i * SLOT + TAKEN] = 1;
      this.floats.set(weights.subarray(row * CLASSES, (row + 1) * CLASSES), i * SLOT + 1);
    });
  }

  /** Adds the class weights of feature `key` (none when unknown) to `out`. */
  addTo(key: number, out: Float64Array): void {
    for (let i = key & this.mask; this.ints[i * SLOT + TAKEN]; i = (i + 1) & this.mask) {
      if (this.ints[i * SLOT] !== key) continue;
      for (let c = 0; c < CLASSES; c++) out[c] += this.floats[i * SLOT + 1 + c]!;
      return;
    }
  }
}

export interface RoleModel {
  /** The features, in row order. */
  keys: Int32Array;
  /** One row of ROLE_CLASSES.length weights per feature, row-major. */
  weights: Float32Array;
  /** The same weights by feature, for scoring. */
  table: WeightTable;
  /** Per class, the probability from which a candidate whose best role it is fills it (index 0 unused). */
  thresholds: number[];
  /** Per class, the probability from which a filler the rules found keeps that role. */
  ruleThresholds: number[];
}

export function roleModelOf(keys: Int32Array, weights: Float32Array, thresholds: number[], ruleThresholds: number[]): RoleModel {
  return { keys, weights, table: new WeightTable(keys, weights), thresholds, ruleThresholds };
}

export const ROLE_MODEL_PATH = 'models/roles.bin.gz';
const MAGIC = 'sitrep-roles';
const VERSION = 1;

interface Header {
  magic: string;
  version: number;
  classes: string[];
  thresholds: number[];
  ruleThresholds: number[];
  features: number;
  /** Weight = stored int8 * scale. */
  scale: number;
}

/** Adds the class weights of the features to `scores`. */
export function addWeights(model: RoleModel, features: readonly number[], scores: Float64Array): Float64Array {
  for (const f of features) model.table.addTo(f, scores);
  return scores;
}

/** Class scores to probabilities, in place. */
export function softmax(scores: Float64Array): Float64Array {
  let max = -Infinity;
  for (let c = 0; c < CLASSES; c++) max = Math.max(max, scores[c]!);
  let sum = 0;
  for (let c = 0; c < CLASSES; c++) sum += scores[c] = Math.exp(scores[c]! - max);
  for (let c = 0; c < CLASSES; c++) scores[c]! /= sum;
  return scores;
}

/** The class probabilities of one candidate (softmax over the summed weights of its features). */
export function classProbabilities(model: RoleModel, features: readonly number[], out: Float64Array): Float64Array {
  return softmax(addWeights(model, features, out.fill(0)));
}

/** The file: a JSON header, the feature hashes (int32, in row order), then their weights (int8, one per class). */
export function serializeRoleModel(model: RoleModel): Buffer {
  let largest = 0;
  for (const w of model.weights) largest = Math.max(largest, Math.abs(w));
  const scale = largest / 127 || 1;
  const values = Int8Array.from(model.weights, (w) => Math.round(w / scale));
  const header: Header = { magic: MAGIC, version: VERSION, classes: [...ROLE_CLASSES], thresholds: model.thresholds, ruleThresholds: model.ruleThresholds, features: model.keys.length, scale };
  const headerBytes = Buffer.from(JSON.stringify(header));
  const length = Buffer.alloc(4);
  length.writeUInt32LE(headerBytes.length, 0);
  return gzipSync(Buffer.concat([length, headerBytes, Buffer.from(model.keys.buffer, model.keys.byteOffset, model.keys.byteLength), Buffer.from(values.buffer)]), { level: 9 });
}

export function deserializeRoleModel(file: Buffer): RoleModel {
  const bytes = gunzipSync(file);
  const headerLength = bytes.readUInt32LE(0);
  const header = JSON.parse(bytes.subarray(4, 4 + headerLength).toString('utf8')) as Header;
  if (header.magic !== MAGIC || header.version !== VERSION || header.classes.join() !== ROLE_CLASSES.join()) {
    throw new Error(`roles: ${ROLE_MODEL_PATH} is not a role model of version ${VERSION} with classes ${ROLE_CLASSES.join(', ')}`);
  }
  // Copied out of the file, whose offsets need not be aligned for typed arrays.
  const keysAt = 4 + headerLength;
  const valuesAt = keysAt + 4 * header.features;
  const keys = new Int32Array(bytes.buffer.slice(bytes.byteOffset + keysAt, bytes.byteOffset + valuesAt));
  const values = new Int8Array(bytes.buffer.slice(bytes.byteOffset + valuesAt, bytes.byteOffset + valuesAt + header.features * CLASSES));
  const weights = new Float32Array(values.length);
  for (let i = 0; i < values.length; i++) weights[i] = values[i]! * header.scale;
  return roleModelOf(keys, weights, header.thresholds, header.ruleThresholds);
}

let cached: RoleModel | null = null;

/** The committed model, read on first use. */
export function roleModel(): RoleModel {
  cached ??= deserializeRoleModel(readFileSync(packagePath(ROLE_MODEL_PATH)));
  return cached;
}
