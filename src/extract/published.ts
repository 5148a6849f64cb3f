// When an article was published. Metadata and URL dates are facts; for pasted text the date is read from a
// dateline or a "Published …" label ('text'), or inferred from how the text refers to the events it reports.
//
// The inference rule ('inferred'): take the latest explicit calendar date in the article (with its year
// stated, or stated elsewhere in the text for the same day, or taken from the fetch time) as the anchor —
// a report is written on or after every day it reports. Then move forward by what the text says about that
// anchor: "yesterday('s)" -> the day after; a weekday that names the anchor's own week ("Friday's attack"
// next to "Friday, March 22") -> at least the day after, and a weekday the dates do not explain ("he said on
// Monday") -> the next such weekday after the anchor; "last week('s)" -> a week after. The latest of these is
// the answer. Without an anchor with a known year nothing is inferred: a guess at the year would be worse
// than no date.
// English only: the package root also loads fifteen other locales, which costs every worker thread ~70 ms.
import * as chrono from 'chrono-node/en';
import type { PublishedFrom } from '../types.js';
import { loadExtractData } from './data.js';
import { dateFromUrl, normaliseDate } from './html/published.js';

interface PublishedFile {
  labels: string[];
  sameDay: string[];
  dayAfter: string[];
  weekAfter: string[];
  weekdays: string[];
}

const cues = loadExtractData<PublishedFile>('published.json');
/** Any of the words or phrases, as whole words. */
const phrase = (words: string[], flags = 'iu'): RegExp => new RegExp(`(?<!\\p{L})(?:${words.join('|')})(?!\\p{L})`, flags);
const LABEL = new RegExp(`^(?:${cues.labels.join('|')})\\b`, 'iu');
const SAME_DAY = phrase(cues.sameDay);
const DAY_AFTER = phrase(cues.dayAfter);
const WEEK_AFTER = phrase(cues.weekAfter);
const WEEKDAY = phrase(cues.weekdays, 'giu');

/** Dates deep in a long text add nothing an earlier one would not; this bounds the parser's work. */
const MAX_SCAN_CHARS = 20_000;
const MAX_CONTEXT_CHARS = 5_000;
/** A dateline date starts within the first characters of the text and is followed shortly by a dash or "(". */
const DATELINE_WITHIN = 40;
const DATELINE_CHARS = 200;
/** Header lines searched for a "Published …" label. */
const MAX_LABEL_LINES = 20;
const DAY_MS = 86_400_000;

export interface PublishedHints {
  /** A publication date from page metadata or a record; wins when readable. */
  metadata?: string | null;
  url?: string | null;
  /** Dated lines that are not article text: the title, header lines above the article, image captions. */
  context?: readonly string[];
  /** When the document was fetched: supplies the year of year-less dates when the text states none. */
  fetchedAt?: string | null;
}

export interface PublishedGuess {
  published: string | null;
  publishedFrom: PublishedFrom | null;
}

interface FoundDate {
  index: number;
  end: number;
  month: number;
  day: number;
  year: number | null;
}

function iso(time: number): string {
  return new Date(time).toISOString().slice(0, 10);
}

function findDates(text: string): FoundDate[] {
  return chrono.strict
    .parse(text)
    // Calendar dates only: "two weeks before" is relative to something we do not know yet.
    .filter((r) => r.start.isCertain('month') && r.start.isCertain('day') && !r.tags().has('result/relativeDate'))
    .map((r) => ({
      index: r.index,
      end: r.index + r.text.length,
      month: r.start.get('month')!,
      day: r.start.get('day')!,
      year: r.start.isCertain('year') ? r.start.get('year')! : null,
    }));
}

/** UTC midnight of each date whose year is stated, stated for the same day elsewhere, or implied by the fetch time. */
function resolveYears(dates: FoundDate[], fetchedAt: string | null | undefined): number[] {
  const statedYear = new Map<string, number>();
  for (const d of dates) if (d.year !== null) statedYear.set(`${d.month}-${d.day}`, d.year);
  const fetched = fetchedAt ? Date.parse(fetchedAt) : NaN;
  const times: number[] = [];
  for (const d of dates) {
    let year = d.year ?? statedYear.get(`${d.month}-${d.day}`) ?? null;
    if (year === null && !Number.isNaN(fetched)) {
      year = new Date(fetched).getUTCFullYear();
      if (Date.UTC(year, d.month - 1, d.day) > fetched) year--;
    }
    if (year !== null) times.push(Date.UTC(year, d.month - 1, d.day));
  }
  return times;
}

/** The first date on the line, with its year resolved, as ISO; null when there is none. */
function firstDate(found: FoundDate[], fetchedAt: string | null | undefined): string | null {
  const [time] = found.length > 0 ? resolveYears([found[0]!], fetchedAt) : [];
  return time === undefined ? null : iso(time);
}

/** A "Published …" label among the header lines, or a dateline opening the text ("MOSCOW, March 23, 2024 (Reuters) —"). */
function statedDate(text: string, context: readonly string[], fetchedAt: string | null | undefined): string | null {
  for (const line of context.slice(0, MAX_LABEL_LINES)) {
    if (!LABEL.test(line)) continue;
    const date = firstDate(findDates(line.slice(0, DATELINE_CHARS)), fetchedAt);
    if (date) return date;
  }
  const opening = text.slice(0, DATELINE_CHARS);
  const first = findDates(opening)[0];
  const isDateline = first && first.index <= DATELINE_WITHIN && /^.{0,25}[-–—(]/su.test(opening.slice(first.end));
  return isDateline ? firstDate([first], fetchedAt) : null;
}

function inferFromReferences(text: string, context: readonly string[], fetchedAt: string | null | undefined): string | null {
  const scanned = `${context.join('\n\n').slice(0, MAX_CONTEXT_CHARS)}\n\n${text.slice(0, MAX_SCAN_CHARS)}`;
  // A date after the fetch (or after now) is an announced event, not something the report looks back on.
  const latestPossible = (fetchedAt ? Date.parse(fetchedAt) : NaN) || Date.now();
  const anchors = resolveYears(findDates(scanned), fetchedAt).filter((t) => t <= latestPossible);
  if (anchors.length === 0) return null;
  const anchor = anchors.reduce((max, t) => Math.max(max, t));
  const anchorWeekday = new Date(anchor).getUTCDay();
  const candidates: number[] = [];
  if (SAME_DAY.test(scanned)) candidates.push(anchor);
  if (DAY_AFTER.test(scanned)) candidates.push(anchor + DAY_MS);
  if (WEEK_AFTER.test(scanned)) candidates.push(anchor + 7 * DAY_MS);
  // Weekdays of the anchor's own week are explained by the dates; the others point past the anchor.
  const explained = new Set(anchors.filter((t) => anchor - t < 7 * DAY_MS).map((t) => new Date(t).getUTCDay()));
  const mentioned = new Set([...scanned.matchAll(WEEKDAY)].map((m) => cues.weekdays.indexOf(m[0].toLowerCase())));
  const namesAnchorWeek = [...mentioned].some((w) => explained.has(w));
  if (namesAnchorWeek) {
    candidates.push(anchor + DAY_MS);
    for (const w of mentioned) {
      if (!explained.has(w)) candidates.push(anchor + ((w - anchorWeekday + 7) % 7) * DAY_MS);
    }
  }
  return candidates.length > 0 ? iso(Math.max(...candidates)) : null;
}

/** ISO 8601 publication date (date or date-time) and how it was found, or nulls when nothing says. */
export function inferPublished(text: string, hints: PublishedHints = {}): PublishedGuess {
  const fromMetadata = hints.metadata ? normaliseDate(hints.metadata) : null;
  if (fromMetadata) return { published: fromMetadata, publishedFrom: 'metadata' };
  const fromUrl = hints.url ? dateFromUrl(hints.url) : null;
  if (fromUrl) return { published: fromUrl, publishedFrom: 'url' };
  const context = hints.context ?? [];
  const stated = statedDate(text, context, hints.fetchedAt);
  if (stated) return { published: stated, publishedFrom: 'text' };
  const inferred = inferFromReferences(text, context, hints.fetchedAt);
  return inferred ? { published: inferred, publishedFrom: 'inferred' } : { published: null, publishedFrom: null };
}
