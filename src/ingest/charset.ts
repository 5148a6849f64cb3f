// Bytes -> text. Order of evidence, after the WHATWG Encoding Standard: byte-order mark, the transport's
// declared charset, the document's own declaration (<meta>, XML declaration), then a guess from the bytes.
// A declaration is overruled when it is visibly wrong: UTF-8 that is not valid UTF-8, or a legacy code page
// over bytes that are valid multi-byte UTF-8 (a common server misconfiguration).
import { isUtf8 } from 'node:buffer';
import iconv from 'iconv-lite';
import { guessLegacyCharset } from './charset-guess.js';
import { loadIngestData } from './data.js';
import { InputFailure } from './failure.js';

export interface Decoded {
  text: string;
  /** The charset the text was decoded with (iconv-lite name). */
  charset: string;
}

const labels = loadIngestData<Record<string, string>>('charset-labels.json');
const PRESCAN_BYTES = 4096;
const CONTROL_SHARE_LIMIT = 0.1;
/** Share of code units that are ASCII (a zero high byte) before undeclared bytes count as UTF-16. */
const UTF16_ZERO_SHARE = 0.1;
const UTF16_HIGH_BYTE_VALUES = 4;

/** The decoder name for a declared label, or null when the label is unknown. */
export function normalizeCharset(label: string | null | undefined): string | null {
  if (!label) return null;
  const key = label.trim().replace(/^["']|["']$/g, '').toLowerCase();
  if (labels[key]) return labels[key];
  return iconv.encodingExists(key) ? key : null;
}

function byteOrderMark(bytes: Buffer): string | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return null;
}

/** The charset a document declares about itself in its first bytes (<meta charset>, http-equiv, <?xml?>). */
export function declaredInDocument(bytes: Buffer): string | null {
  const head = bytes.subarray(0, PRESCAN_BYTES).toString('latin1');
  const xml = /^\s*<\?xml[^>]*?encoding\s*=\s*["']([^"']+)["']/i.exec(head);
  if (xml) return xml[1];
  for (const meta of head.matchAll(/<meta\b[^>]*>/gi)) {
    const charset = /charset\s*=\s*["']?\s*([^\s"'/>;]+)/i.exec(meta[0]);
    if (charset) return charset[1];
  }
  return null;
}

function refuseBinary(bytes: Buffer): void {
  const sample = bytes.subarray(0, 64 * 1024);
  if (sample.includes(0)) throw new InputFailure('binary content (NUL bytes)');
  let controls = 0;
  for (const b of sample) {
    // Tab, newline, form feed, carriage return and escape occur in real text; other C0 controls do not.
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0c && b !== 0x0d && b !== 0x1b) controls++;
  }
  if (controls > sample.length * CONTROL_SHARE_LIMIT) throw new InputFailure('binary content (control bytes)');
}

function decodeUtf16(bytes: Buffer, charset: string): Decoded {
  const text = iconv.decode(bytes, charset);
  if (text.includes('\u0000')) throw new InputFailure('binary content (NUL bytes)');
  return { text, charset };
}

/**
 * UTF-16 without a byte-order mark. In text of one alphabet the high byte of each code unit takes only a
 * few values (0x00 for ASCII spaces and digits, 0x04 for Cyrillic, 0x20 for punctuation), and the low byte
 * is never zero. Eight-bit text and binary data spread their bytes over both positions.
 */
export function sniffUtf16(bytes: Buffer): 'utf-16le' | 'utf-16be' | null {
  const sample = bytes.subarray(0, 4096 & ~1);
  if (sample.length < 16 || !sample.includes(0)) return null;
  for (const [charset, high] of [['utf-16le', 1], ['utf-16be', 0]] as const) {
    const highValues = new Set<number>();
    let zeros = 0;
    let lowZero = false;
    for (let i = 0; i < sample.length && !lowZero; i += 2) {
      highValues.add(sample[i + high]);
      if (sample[i + high] === 0) zeros++;
      lowZero = sample[i + 1 - high] === 0;
    }
    if (!lowZero && highValues.size <= UTF16_HIGH_BYTE_VALUES && zeros >= (sample.length / 2) * UTF16_ZERO_SHARE) return charset;
  }
  return null;
}

const hasMultiByteUtf8 = (bytes: Buffer): boolean => bytes.some((b) => b >= 0x80) && isUtf8(bytes);

/** Decodes bytes to text; `transportCharset` is what an HTTP header (or WARC record) declared, if anything. */
export function decodeBytes(bytes: Buffer, transportCharset: string | null): Decoded {
  const bom = byteOrderMark(bytes);
  if (bom?.startsWith('utf-16')) return decodeUtf16(bytes, bom);
  if (bom) {
    refuseBinary(bytes);
    return { text: iconv.decode(bytes, bom), charset: bom };
  }
  const fromTransport = normalizeCharset(transportCharset);
  const utf16 = fromTransport?.startsWith('utf-16') ? fromTransport : fromTransport === null ? sniffUtf16(bytes) : null;
  if (utf16) return decodeUtf16(bytes, utf16);
  refuseBinary(bytes);
  // A document cannot declare itself UTF-16 in ASCII-compatible bytes; WHATWG reads that as UTF-8.
  const fromDocument = normalizeCharset(declaredInDocument(bytes))?.replace(/^utf-16(le|be)$/, 'utf-8') ?? null;
  const declared = fromTransport ?? fromDocument;
  let charset: string;
  if (declared === null || declared === 'utf-8') charset = isUtf8(bytes) ? 'utf-8' : guessLegacyCharset(bytes);
  else charset = hasMultiByteUtf8(bytes) ? 'utf-8' : declared;
  return { text: iconv.decode(bytes, charset), charset };
}
