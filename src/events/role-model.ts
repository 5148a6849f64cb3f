// The learned role classifier's weights: multinomial logistic regression over hashed candidate features
// (role-features.ts), one weight per feature and class, with one acceptance threshold per role. Trained by
// `npm run train:roles` (scripts/train-roles.ts) into models/roles.bin.gz, read once, lazily.
import { readFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import { packagePath } from '../paths.js';

/** Class 0 is "no role"; the others are the roles a candidate can fill. */
export const ROLE_CLASSES = ['none', 'perpetrator-individual', 'perpetrator-organisation', 'target', 'victim', 'weapon'] as const;
export type RoleClass = (typeof ROLE_CLASSES)[number];

/** Feature hash -> its row of weights (its position in `keys`): open addressing over typed arrays, several times
 *  faster than a Map here (a hash outside V8's small-integer range is a boxed Map key). */
export class FeatureRows {
  readonly keys: Int32Array;
  private readonly slots: Int32Array;
  private readonly rows: Int32Array;
  private readonly mask: number;

  constructor(keys: Int32Array) {
    let capacity = 16;
    while (capacity < 2 * keys.length) capacity *= 2;
    this.keys = keys;
    this.slots = new Int32Array(capacity);
    this.rows = new Int32Array(capacity).fill(-1);
    this.mask = capacity - 1;
    keys.forEach((key, row) => {
      let i = key & this.mask;
      while (this.rows[i] !== -1) i = (i + 1) & this.mask;
      this.slots[i] = key;
      this.rows[i] = row;
    });
  }

  /** The row of feature `key`, or -1. */
  row(key: number): number {
    for (let i = key & this.mask; ; i = (i + 1) & this.mask) {
      const row = this.rows[i]!;
      if (row === -1 || this.slots[i] === key) return row;
    }
  }
}

export interface RoleModel {
  index: FeatureRows;
  /** One row of ROLE_CLASSES.length weights per feature, row-major. */
  weights: Float32Array;
  /** Per class, the probability from which a candidate whose best role it is fills it (index 0 unused). */
  thresholds: number[];
  /** Per class, the probability from which a filler the rules found keeps that role. */
  ruleThresholds: number[];
}

export const ROLE_MODEL_PATH = 'models/roles.bin.gz';
const MAGIC = 'sitrep-roles';
const VERSION = 1;
const CLASSES = ROLE_CLASSES.length;

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

/** The class probabilities of one candidate (softmax over the summed weights of its features). */
export function classProbabilities(model: RoleModel, features: readonly number[], out: Float64Array): Float64Array {
  out.fill(0);
  for (const f of features) {
    const row = model.index.row(f);
    if (row < 0) continue;
    for (let c = 0, base = row * CLASSES; c < CLASSES; c++) out[c] += model.weights[base + c]!;
  }
  let max = -Infinity;
  for (let c = 0; c < CLASSES; c++) max = Math.max(max, out[c]!);
  let sum = 0;
  for (let c = 0; c < CLASSES; c++) sum += out[c] = Math.exp(out[c]! - max);
  for (let c = 0; c < CLASSES; c++) out[c]! /= sum;
  return out;
}

/** The file: a JSON header, the feature hashes (int32, in row order), then their weights (int8, one per class). */
export function serializeRoleModel(model: RoleModel): Buffer {
  let largest = 0;
  for (const w of model.weights) largest = Math.max(largest, Math.abs(w));
  const scale = largest / 127 || 1;
  const values = Int8Array.from(model.weights, (w) => Math.round(w / scale));
  const header: Header = { magic: MAGIC, version: VERSION, classes: [...ROLE_CLASSES], thresholds: model.thresholds, ruleThresholds: model.ruleThresholds, features: model.index.keys.length, scale };
  const headerBytes = Buffer.from(JSON.stringify(header));
  const length = Buffer.alloc(4);
  length.writeUInt32LE(headerBytes.length, 0);
  return gzipSync(Buffer.concat([length, headerBytes, Buffer.from(model.index.keys.buffer, model.index.keys.byteOffset, model.index.keys.byteLength), Buffer.from(values.buffer)]), { level: 9 });
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
  return { index: new FeatureRows(keys), weights, thresholds: header.thresholds, ruleThresholds: header.ruleThresholds };
}

let cached: RoleModel | null = null;

/** The committed model, read on first use. */
export function roleModel(): RoleModel {
  cached ??= deserializeRoleModel(readFileSync(packagePath(ROLE_MODEL_PATH)));
  return cached;
}
