// Lookups in lists of spans sorted by start: they scan only the spans within reach of a position, so a huge
// sentence with many entities and cues stays linear.
import type { Span } from '../types.js';

/** Index of the first span (of a list sorted by start) starting at or after `pos`. */
export function firstFrom(entities: readonly Span[], pos: number): number {
  let lo = 0;
  let hi = entities.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (entities[mid]!.start < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

// Entity mentions longer than this are not names; it bounds how far back a lookup scans.
export const MAX_ENTITY_LENGTH = 120;

/** The spans of a list sorted by start (none longer than `MAX_ENTITY_LENGTH`) that overlap `span`. */
export function overlapping<T extends Span>(sorted: readonly T[], span: Span): T[] {
  const out: T[] = [];
  for (let i = firstFrom(sorted, span.start - MAX_ENTITY_LENGTH); i < sorted.length && sorted[i]!.start < span.end; i++) if (sorted[i]!.end > span.start) out.push(sorted[i]!);
  return out;
}
