// Event dates as day ranges, so dates of different precision ("2024", "2024-03", "2024-03-22") can be compared.
import { memoByString } from '../knowledge/normalize.js';
import type { DatePrecision } from '../types.js';

const DAY_MS = 86_400_000;

/**
 * First and last day (days since 1970-01-01) covered by an ISO date value, or null when unreadable. Kept per value
 * (read-only): incident resolution compares the same few dates millions of times.
 */
export const dayRange = memoByString((value: string): readonly [number, number] | null => {
  const [from, to] = value.split('/');
  const a = bounds(from!);
  if (!a) return null;
  if (to === undefined) return a;
  const b = bounds(to);
  return b ? [a[0], b[1]] : null;
});

function bounds(iso: string): [number, number] | null {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(iso.trim());
  if (!m) return null;
  const year = Number(m[1]);
  if (m[3]) {
    const d = Date.UTC(year, Number(m[2]) - 1, Number(m[3])) / DAY_MS;
    return [d, d];
  }
  if (m[2]) return [Date.UTC(year, Number(m[2]) - 1, 1) / DAY_MS, Date.UTC(year, Number(m[2]), 1) / DAY_MS - 1];
  return [Date.UTC(year, 0, 1) / DAY_MS, Date.UTC(year + 1, 0, 1) / DAY_MS - 1];
}

/** Days between two date values (0 when their ranges overlap), or null when either is unreadable. */
export function daysApart(a: string, b: string): number | null {
  const ra = dayRange(a);
  const rb = dayRange(b);
  if (!ra || !rb) return null;
  if (ra[1] < rb[0]) return rb[0] - ra[1];
  if (rb[1] < ra[0]) return ra[0] - rb[1];
  return 0;
}

/** Whether two date values can be the same event, allowing `toleranceDays` for a wrong weekday or time zone. */
export function datesCompatible(a: string, b: string, toleranceDays: number): boolean {
  const d = daysApart(a, b);
  return d === null || d <= toleranceDays;
}

const RANK: Record<DatePrecision, number> = { day: 3, month: 2, range: 1, year: 0 };

/** Orders precisions from the most to the least precise. */
export function precisionRank(p: DatePrecision): number {
  return RANK[p];
}
