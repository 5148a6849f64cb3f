// The BILOU tag set over the four CoNLL entity types, the transitions it allows, and span <-> tag conversion.

export const ENTITY_TYPES = ['PER', 'ORG', 'LOC', 'MISC'] as const;
export type EntityKind = (typeof ENTITY_TYPES)[number];

/** A typed entity over token indices [start, end). */
export interface TokenSpan {
  start: number;
  end: number;
  type: EntityKind;
}

const PREFIXES = ['B', 'I', 'L', 'U'] as const;
/** Tag id 0 is O; id 1 + 4*type + prefix is e.g. B-PER, I-PER, L-PER, U-PER, B-ORG, ... */
export const TAG_NAMES: readonly string[] = ['O', ...ENTITY_TYPES.flatMap((t) => PREFIXES.map((p) => `${p}-${t}`))];
export const TAG_COUNT = TAG_NAMES.length;
/** The pseudo-tag before the first token of a sentence. */
export const START_TAG = TAG_COUNT;

const B = 0, I = 1, L = 2, U = 3;

function tagOf(type: number, prefix: number): number {
  return 1 + type * 4 + prefix;
}

function prefixOf(tag: number): number {
  return (tag - 1) & 3;
}

/** Entity type index of a tag, or -1 for O / START. */
export function typeOf(tag: number): number {
  return tag === 0 || tag === START_TAG ? -1 : (tag - 1) >> 2;
}

/** allowed[prev * TAG_COUNT + next]: may `next` follow `prev` (prev may be START_TAG)? */
export const ALLOWED: Uint8Array = (() => {
  const table = new Uint8Array((TAG_COUNT + 1) * TAG_COUNT);
  for (let prev = 0; prev <= TAG_COUNT; prev++) {
    const open = prev !== 0 && prev !== START_TAG && (prefixOf(prev) === B || prefixOf(prev) === I);
    for (let next = 0; next < TAG_COUNT; next++) {
      const continues = next !== 0 && (prefixOf(next) === I || prefixOf(next) === L);
      const ok = open ? continues && typeOf(next) === typeOf(prev) : !continues;
      table[prev * TAG_COUNT + next] = ok ? 1 : 0;
    }
  }
  return table;
})();

/** endOk[tag]: may a sentence end on this tag (no entity left open)? */
export const END_OK: Uint8Array = Uint8Array.from(TAG_NAMES, (_, tag) =>
  tag === 0 || prefixOf(tag) === L || prefixOf(tag) === U ? 1 : 0,
);

/** BILOU tag ids for a sentence of `length` tokens with these (non-overlapping) spans. */
export function tagsFromSpans(length: number, spans: readonly TokenSpan[]): Uint8Array {
  const tags = new Uint8Array(length);
  for (const span of spans) {
    const type = ENTITY_TYPES.indexOf(span.type);
    if (span.end - span.start === 1) {
      tags[span.start] = tagOf(type, U);
      continue;
    }
    tags[span.start] = tagOf(type, B);
    for (let i = span.start + 1; i < span.end - 1; i++) tags[i] = tagOf(type, I);
    tags[span.end - 1] = tagOf(type, L);
  }
  return tags;
}

/** Spans from a valid BILOU sequence (as produced by the constrained decoder). */
export function spansFromTags(tags: ArrayLike<number>): TokenSpan[] {
  const spans: TokenSpan[] = [];
  let open = -1;
  for (let i = 0; i < tags.length; i++) {
    const tag = tags[i]!;
    if (tag === 0) continue;
    const prefix = prefixOf(tag);
    const type = ENTITY_TYPES[typeOf(tag)]!;
    if (prefix === U) spans.push({ start: i, end: i + 1, type });
    else if (prefix === B) open = i;
    else if (prefix === L && open >= 0) {
      spans.push({ start: open, end: i + 1, type });
      open = -1;
    }
  }
  return spans;
}
