// The trained weights: a hashed feature table (rows x tags, see weights.ts) plus the gazetteer, stored as a gzipped
// sparse int16 file (with the gazetteer and case-ratio tables) so it can be committed. Loaded once, lazily.
import { gunzipSync, gzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import { packagePath } from '../../paths.js';
import type { CaseRatios } from './casing.js';
import type { Gazetteer } from './gazetteer.js';
import { TAG_NAMES } from './tags.js';
import { DenseWeights, SparseWeights, type Weights } from './weights.js';

export interface NerModel<W extends Weights = Weights> {
  /** Number of hashed feature rows; a power of two. */
  rows: number;
  weights: W;
  gazetteer: Gazetteer;
  caseRatios: CaseRatios;
}

export const MODEL_PATH = 'models/ner.bin.gz';
const MAGIC = 'sitrep-ner';
const VERSION = 1;

interface Header {
  magic: string;
  version: number;
  rows: number;
  tags: string[];
  /** Weight = stored int16 * scale. */
  scale: number;
  nonZero: number;
  gazetteer: number;
  caseRatios: number;
}

/** A model to train: zero dense weights. */
export function emptyModel(rows: number, gazetteer: Gazetteer, caseRatios: CaseRatios): NerModel<DenseWeights> {
  if ((rows & (rows - 1)) !== 0) throw new Error(`ner: rows must be a power of two, got ${rows}`);
  return { rows, weights: new DenseWeights(rows), gazetteer, caseRatios };
}

/** The file: a JSON header, the non-zero weights as varint index gaps plus int16 values, then the maps. */
export function serializeModel(model: NerModel<SparseWeights>): Buffer {
  const { index, value, scale } = model.weights;
  const gaps: number[] = [];
  let last = -1;
  for (const i of index) {
    let gap = i - last - 1; // varint, 7 bits per byte
    while (gap >= 0x80) {
      gaps.push((gap & 0x7f) | 0x80);
      gap >>>= 7;
    }
    gaps.push(gap);
    last = i;
  }
  const header: Header = {
    magic: MAGIC, version: VERSION, rows: model.rows, tags: [...TAG_NAMES], scale,
    nonZero: index.length, gazetteer: model.gazetteer.size, caseRatios: model.caseRatios.size,
  };
  const headerBytes = Buffer.from(JSON.stringify(header));
  const lengths = Buffer.alloc(8);
  lengths.writeUInt32LE(headerBytes.length, 0);
  lengths.writeUInt32LE(gaps.length, 4);
  return gzipSync(
    Buffer.concat([
      lengths, headerBytes, Buffer.from(gaps), Buffer.from(value.buffer, value.byteOffset, value.byteLength),
      ...mapBytes(model.gazetteer), ...mapBytes(model.caseRatios),
    ]),
    { level: 9 },
  );
}

/** A hash -> small-number map as two arrays: int32 keys, then uint8 values. */
function mapBytes(map: ReadonlyMap<number, number>): Buffer[] {
  return [Buffer.from(Int32Array.from(map.keys()).buffer), Buffer.from(Uint8Array.from(map.values()))];
}

function readMap(bytes: Buffer, start: number, size: number): Map<number, number> {
  const map = new Map<number, number>();
  for (let i = 0; i < size; i++) map.set(bytes.readInt32LE(start + 4 * i), bytes[start + 4 * size + i]!);
  return map;
}

export function deserializeModel(file: Buffer): NerModel<SparseWeights> {
  const bytes = gunzipSync(file);
  const headerLength = bytes.readUInt32LE(0);
  const gapBytes = bytes.readUInt32LE(4);
  const header = JSON.parse(bytes.subarray(8, 8 + headerLength).toString('utf8')) as Header;
  if (header.magic !== MAGIC || header.version !== VERSION) throw new Error('ner: not a sitrep NER model (version 1)');
  if (header.tags.join(' ') !== TAG_NAMES.join(' ')) throw new Error('ner: model was trained with a different tag set');
  const index = new Uint32Array(header.nonZero);
  const value = new Int16Array(header.nonZero);
  let pos = 8 + headerLength;
  const valuesStart = pos + gapBytes;
  let at = -1;
  for (let v = 0; v < header.nonZero; v++) {
    let gap = 0, shift = 0, byte: number;
    do {
      byte = bytes[pos++]!;
      gap |= (byte & 0x7f) << shift;
      shift += 7;
    } while (byte & 0x80);
    index[v] = at += gap + 1;
    value[v] = bytes.readInt16LE(valuesStart + 2 * v);
  }
  const gazetteerStart = valuesStart + 2 * header.nonZero;
  const caseRatiosStart = gazetteerStart + 5 * header.gazetteer;
  return {
    rows: header.rows,
    weights: new SparseWeights(header.rows, header.scale, index, value),
    gazetteer: readMap(bytes, gazetteerStart, header.gazetteer),
    caseRatios: readMap(bytes, caseRatiosStart, header.caseRatios),
  };
}

let loaded: NerModel<SparseWeights> | null = null;
/** The committed model, read on first use. */
export function defaultModel(): NerModel<SparseWeights> {
  loaded ??= deserializeModel(readFileSync(packagePath(MODEL_PATH)));
  return loaded;
}
