// The trained weights: a hashed feature table (rows x tags) plus the gazetteer, stored as a gzipped
// sparse int16 file (with the gazetteer and case-ratio tables) so it can be committed. Loaded once, lazily.
import { gunzipSync, gzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import { packagePath } from '../../paths.js';
import type { CaseRatios } from './casing.js';
import type { Gazetteer } from './gazetteer.js';
import { TAG_COUNT, TAG_NAMES } from './tags.js';

export interface NerModel {
  /** Number of hashed feature rows; a power of two. */
  rows: number;
  /** rows x TAG_COUNT weights, row-major. */
  weights: Float32Array;
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

export function emptyModel(rows: number, gazetteer: Gazetteer, caseRatios: CaseRatios): NerModel {
  if ((rows & (rows - 1)) !== 0) throw new Error(`ner: rows must be a power of two, got ${rows}`);
  return { rows, weights: new Float32Array(rows * TAG_COUNT), gazetteer, caseRatios };
}

/** Rounds weights to int16 steps of the largest weight / 32767, dropping those that round to zero. */
export function serializeModel(model: NerModel): Buffer {
  let max = 0;
  for (const w of model.weights) max = Math.max(max, Math.abs(w));
  const scale = max === 0 ? 1 : max / 32767;
  const gaps: number[] = [];
  const values: number[] = [];
  let last = -1;
  for (let i = 0; i < model.weights.length; i++) {
    const q = Math.round(model.weights[i]! / scale);
    if (q === 0) continue;
    let gap = i - last - 1; // varint, 7 bits per byte
    while (gap >= 0x80) {
      gaps.push((gap & 0x7f) | 0x80);
      gap >>>= 7;
    }
    gaps.push(gap);
    values.push(q);
    last = i;
  }
  const header: Header = {
    magic: MAGIC, version: VERSION, rows: model.rows, tags: [...TAG_NAMES], scale,
    nonZero: values.length, gazetteer: model.gazetteer.size, caseRatios: model.caseRatios.size,
  };
  const headerBytes = Buffer.from(JSON.stringify(header));
  const lengths = Buffer.alloc(8);
  lengths.writeUInt32LE(headerBytes.length, 0);
  lengths.writeUInt32LE(gaps.length, 4);
  return gzipSync(
    Buffer.concat([
      lengths, headerBytes, Buffer.from(gaps), Buffer.from(Int16Array.from(values).buffer),
      ...mapBytes(model.gazetteer), ...mapBytes(model.caseRatios),
    ]),
    { level: 9 },
  );
}

/** A hash -> small-number map as two arrays: uint32 keys, then uint8 values. */
function mapBytes(map: ReadonlyMap<number, number>): Buffer[] {
  return [Buffer.from(new Uint32Array([...map.keys()]).buffer), Buffer.from(Uint8Array.from(map.values()))];
}

function readMap(bytes: Buffer, start: number, size: number): Map<number, number> {
  const map = new Map<number, number>();
  for (let i = 0; i < size; i++) map.set(bytes.readUInt32LE(start + 4 * i), bytes[start + 4 * size + i]!);
  return map;
}

export function deserializeModel(file: Buffer): NerModel {
  const bytes = gunzipSync(file);
  const headerLength = bytes.readUInt32LE(0);
  const gapBytes = bytes.readUInt32LE(4);
  const header = JSON.parse(bytes.subarray(8, 8 + headerLength).toString('utf8')) as Header;
  if (header.magic !== MAGIC || header.version !== VERSION) throw new Error('ner: not a sitrep NER model (version 1)');
  if (header.tags.join(' ') !== TAG_NAMES.join(' ')) throw new Error('ner: model was trained with a different tag set');
  const weights = new Float32Array(header.rows * TAG_COUNT);
  let pos = 8 + headerLength;
  const gapEnd = pos + gapBytes;
  const valuesStart = gapEnd;
  let index = -1;
  for (let v = 0; v < header.nonZero; v++) {
    let gap = 0, shift = 0, byte: number;
    do {
      byte = bytes[pos++]!;
      gap |= (byte & 0x7f) << shift;
      shift += 7;
    } while (byte & 0x80);
    index += gap + 1;
    weights[index] = bytes.readInt16LE(valuesStart + 2 * v) * header.scale;
  }
  const gazetteerStart = valuesStart + 2 * header.nonZero;
  const caseRatiosStart = gazetteerStart + 5 * header.gazetteer;
  return {
    rows: header.rows,
    weights,
    gazetteer: readMap(bytes, gazetteerStart, header.gazetteer),
    caseRatios: readMap(bytes, caseRatiosStart, header.caseRatios),
  };
}

let loaded: NerModel | null = null;
/** The committed model, read on first use. */
export function defaultModel(): NerModel {
  loaded ??= deserializeModel(readFileSync(packagePath(MODEL_PATH)));
  return loaded;
}
