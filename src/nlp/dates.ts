// Dates in news text, resolved against the publication date: chrono-node plus refiners for the way news
// writes dates (past-leaning weekdays, "last July", "early March", bare years, "four years earlier").
// English only: the package root also loads fifteen other locales (see extract/published.ts).
import * as chrono from 'chrono-node/en';
import type { ParsedComponents } from 'chrono-node';
import type { DateMention, DatePrecision } from '../types.js';
import { alternation, loadData } from './data.js';

interface DateCues {
  partOfMonth: Record<string, [number, number]>;
  lastMonth: string[];
  yearPrepositions: string[];
  relativeDirections: Record<string, number>;
  futureCues: string[];
  notDates: string[];
  /** Fixed-date holidays, as MM-DD. */
  holidays: Record<string, string>;
}
interface NumberWords {
  units: Record<string, number>;
}
interface Calendar {
  months: string[];
  monthAbbreviations: string[];
  weekdays: string[];
}

const cues = loadData<DateCues>('date-cues.json');
const calendar = loadData<Calendar>('calendar.json');
const numberWords = loadData<NumberWords>('numbers.json').units;
const MONTH = alternation(calendar.months);
const NUMBER_WORD = String.raw`\d+|an?|several|few|${alternation(Object.keys(numberWords))}`;
// The patterns below need no Unicode classes and so go without the 'u' flag, under which V8 matches them several
// times slower. (The flag would only let the long s and the Kelvin sign match "s" and "k"; extracted text is NFKC
// normalised and has neither.)
const PART_OF_MONTH = new RegExp(String.raw`\b(${alternation(Object.keys(cues.partOfMonth))})[\s-]+(${MONTH})\b(?:,?\s+(\d{4})\b)?`, 'gi');
const LAST_MONTH = new RegExp(String.raw`\b(?:${alternation(cues.lastMonth)})\s+(${MONTH})\b(?!,?\s+\d)`, 'gi');
// "between 2015 and 2017", "from 2015 to 2017", "2015-2017"; but "in 2015 and 2018" names two years.
const YEAR_RANGE = new RegExp(String.raw`\bbetween\s+((?:19|20)\d{2})\s+and\s+((?:19|20)\d{2})\b|\b(?:from\s+)?((?:19|20)\d{2})\s*(?:[-–]|\s(?:to|until|through)\s)\s*((?:19|20)\d{2})\b`, 'gi');
const DECADE = /\b(?:the\s+)?((?:1[89]|20)\d0)s\b/gi;
const BARE_YEAR = new RegExp(String.raw`\b(?:${alternation(cues.yearPrepositions)})\s+((?:19|20)\d{2})\b(?![-–/.,]\d|\s*(?:years?|people|persons?)\b)`, 'gi');
// This one needs the flag (\p{L}), so a search without it finds where a holiday's name begins, and the pattern is
// tried (sticky) there only.
const HOLIDAY_NAME = alternation(Object.keys(cues.holidays)).replace(/'/g, "['’]");
const HOLIDAY_START = new RegExp(String.raw`\b(?:${HOLIDAY_NAME})`, 'gi');
const HOLIDAY = new RegExp(String.raw`\b(${HOLIDAY_NAME})(?![\p{L}])(?:,?\s+(\d{4})\b)?`, 'iuy');
const NEXT_YEAR = /(?:,\s*|,?\s+(?:and|or)\s+)((?:19|20)\d{2})\b(?![-–\/.,]\d)/uy;
const RELATIVE = new RegExp(String.raw`\b(${NUMBER_WORD})\s+(years?|months?|weeks?|days?)\s+(${alternation(Object.keys(cues.relativeDirections))})\b(?!\s+(?:the|a|an|his|her|its|their|this|that|he|she|it|they)\b)`, 'gi');
const UNIT = '(?:year|month|week|day|decade)';
// "two weeks before" without an anchor date is left out rather than counted from the publication date.
const ANCHORED = new RegExp(String.raw`\b(?:${alternation(Object.keys(cues.relativeDirections))})\b`, 'iu');
// "now" is not a date, and "the past two years" is a duration, not the year two years ago.
// Nor are weekday abbreviations on their own ("The Sun" is a newspaper) or bare durations ("in 20 years").
const NOT_DATES = new RegExp(
  String.raw`^(?:${alternation(cues.notDates)})\.?$|\b(?:past|coming)\s+(?:\w+\s+)?${UNIT}s?\b|\b(?:last|next)\s+\w+\s+${UNIT}s\b|^(?:(?:in|within|for)\s+)?(?:${NUMBER_WORD})\s+${UNIT}s?$`,
  'iu',
);
const LEADING_PREPOSITION = /^(?:on|in|at|since|by|from)\s+/i;
const MONTH_PREPOSITION = /\b(?:in|since|by|during|until|till|from|through)\s+$/i;
// chrono reads "this March" or "next Friday" as calendar dates; they are relative to a date we lack.
const YEARLESS_RELATIVE = /\b(?:this|next|last|past|coming|ago|today|tonight|yesterday|tomorrow)\b/i;
const TRAILING_PUNCTUATION = /[\s,.;:]+$/;
const FUTURE = new RegExp(String.raw`\b(?:${alternation(cues.futureCues)})\b`, 'iu');
/** How far (in characters, within one paragraph) "four years earlier" may be from the date it counts from. */
const MAX_ANCHOR_DISTANCE = 400;

/** A resolved calendar point: year, optional month and day. */
interface Point {
  year: number;
  month?: number;
  day?: number;
}

/** Dates in `text`. With `published` (ISO date) relative expressions are resolved against it. Without it, dates
 * that carry their own year are returned, and a day or month without one ("March 7", "in January") may take a
 * year the text itself states (see yearFromText); relative dates ("Friday", "last week") are left out. No date
 * crosses a line (paragraph) break. */
export function findDates(text: string, published: string | null): DateMention[] {
  const ref = parseReference(published);
  const claims = new Claims(text);
  newsPatterns(text, ref, claims);
  // "four years earlier" is held back from chrono (which would count from the publication date) and resolved
  // last, against the explicit dates found by then.
  const relatives = [...text.matchAll(RELATIVE)].filter((m) => claims.reserve(m.index!, m.index! + m[0].length));
  const yearless = chronoDates(text, ref, claims);
  yearFromText(text, yearless, claims);
  anchoredRelatives(text, relatives, claims);
  return claims.found.sort((a, b) => a.start - b.start);
}

/** The dates found so far and the characters they cover. Earlier passes win; checking a span costs its
 * length, so even a flood of dates stays linear. */
class Claims {
  readonly found: DateMention[] = [];
  /** 1: taken by a date; 2: reserved for a relative expression. */
  private readonly marks: Uint8Array;

  constructor(private readonly text: string) {
    this.marks = new Uint8Array(text.length);
  }

  /** Reserves a span for a relative expression; false when it is not free. */
  reserve(start: number, end: number): boolean {
    if (!this.free(start, end, false)) return false;
    this.marks.fill(2, start, end);
    return true;
  }

  add(start: number, end: number, value: string, precision: DatePrecision, reserved = false): void {
    if (!this.free(start, end, reserved)) return;
    this.marks.fill(1, start, end);
    this.found.push({ start, end, text: this.text.slice(start, end), value, precision });
  }

  private free(start: number, end: number, reserved: boolean): boolean {
    for (let i = start; i < end; i++) {
      if (this.marks[i] === 1 || (this.marks[i] === 2 && !reserved) || this.text[i] === '\n') return false;
    }
    return true;
  }
}

/** The refiners chrono lacks: parts of months, "last July", holidays, year ranges, decades, bare years. */
function newsPatterns(text: string, ref: Point | null, claims: Claims): void {
  for (const m of text.matchAll(PART_OF_MONTH)) {
    const month = monthNumber(m[2]);
    const year = m[3] ? Number(m[3]) : ref && pastYear(month, ref);
    if (!year) continue;
    const [from, to] = cues.partOfMonth[m[1].toLowerCase()];
    const last = Math.min(to, daysIn(year, month));
    claims.add(m.index!, m.index! + m[0].length, `${iso({ year, month, day: from })}/${iso({ year, month, day: last })}`, 'range');
  }
  if (ref) {
    for (const m of text.matchAll(LAST_MONTH)) {
      const month = monthNumber(m[1]);
      const year = month < ref.month! ? ref.year : ref.year - 1;
      claims.add(m.index!, m.index! + m[0].length, iso({ year, month }), 'month');
    }
  }
  for (const m of holidays(text)) {
    const [month, day] = cues.holidays[m[1].toLowerCase().replace('’', "'")].split('-').map(Number);
    // The last time the holiday fell on or before the publication date.
    const year = m[2] ? Number(m[2]) : ref && (after({ year: ref.year, month, day }, ref) ? ref.year - 1 : ref.year);
    if (year) claims.add(m.index!, m.index! + m[0].length, iso({ year, month, day }), 'day');
  }
  for (const m of text.matchAll(YEAR_RANGE)) {
    const [from, to] = m[1] ? [m[1], m[2]] : [m[3], m[4]];
    if (Number(to) > Number(from)) claims.add(m.index!, m.index! + m[0].length, `${from}/${to}`, 'range');
  }
  for (const m of text.matchAll(DECADE)) {
    claims.add(m.index!, m.index! + m[0].length, `${m[1]}/${Number(m[1]) + 9}`, 'range');
  }
  for (const m of text.matchAll(BARE_YEAR)) {
    let start = m.index! + m[0].length - m[1].length;
    claims.add(start, start + 4, m[1], 'year');
    // "in 2015 and 2018", "in 2015, 2016 or 2019": the list shares the preposition.
    for (NEXT_YEAR.lastIndex = start + 4; ; ) {
      const next = NEXT_YEAR.exec(text);
      if (!next) break;
      start = NEXT_YEAR.lastIndex - 4;
      claims.add(start, start + 4, next[1], 'year');
    }
  }
}

/** The matches of HOLIDAY in `text`, left to right, as a global search for it would find them. */
function holidays(text: string): RegExpExecArray[] {
  const found: RegExpExecArray[] = [];
  HOLIDAY_START.lastIndex = 0;
  for (let start = HOLIDAY_START.exec(text); start; start = HOLIDAY_START.exec(text)) {
    HOLIDAY.lastIndex = start.index;
    const m = HOLIDAY.exec(text);
    if (m) found.push(m);
    HOLIDAY_START.lastIndex = m ? HOLIDAY.lastIndex : start.index + 1;
  }
  return found;
}

/** chrono's dates, made past-leaning. chrono runs once over the whole text: its time goes to the stretches dense
 * with numbers and date words, so parsing only windows around date cues saved little (measured; see README).
 * Without a reference date, returns the calendar dates that lack a year, for yearFromText. */
function chronoDates(text: string, ref: Point | null, claims: Claims): chrono.ParsedResult[] {
  const parsed = ref ? chrono.parse(text, { instant: utc(ref), timezone: 0 }) : chrono.parse(text);
  const yearless: chrono.ParsedResult[] = [];
  for (const r of parsed) {
    if (ANCHORED.test(r.text) || NOT_DATES.test(r.text)) continue;
    if (!ref && isYearless(text, r)) {
      yearless.push(r);
      continue;
    }
    const resolved = fromChrono(r, ref);
    if (resolved) claims.add(...chronoSpan(r), resolved.value, resolved.precision);
  }
  return yearless;
}

/** chrono keeps a leading preposition and trailing punctuation ("on Friday", "January,"); spans do not. */
function chronoSpan(r: chrono.ParsedResult): [start: number, end: number] {
  const lead = LEADING_PREPOSITION.exec(r.text)?.[0].length ?? 0;
  const trail = TRAILING_PUNCTUATION.exec(r.text)?.[0].length ?? 0;
  return [r.index + lead, r.index + r.text.length - trail];
}

/** A single calendar day or month with no year and nothing relative about it: "March 7", "Friday, March 22",
 * "in January" (a bare month name needs its preposition: "May" alone is too often the verb). */
function isYearless(text: string, r: chrono.ParsedResult): boolean {
  const s = r.start;
  if (r.end || s.isCertain('year') || !s.isCertain('month') || YEARLESS_RELATIVE.test(r.text)) return false;
  return s.isCertain('day') || MONTH_PREPOSITION.test(text.slice(Math.max(0, r.index - 12), r.index));
}

/**
 * Without a publication date, the text's own years are the evidence for dates that lack one. A weekday pins
 * the year among the years the text states ("Friday, March 22" with 2021 and 2024 in the text is 2024).
 * Otherwise the date takes the year of the nearest dated mention before it in the same paragraph ("on New
 * Year's Eve 2023 ... on Dec. 24"). A year stated in another paragraph is not used: news mentions past years
 * ("between 2018 and March 2022") far more often than it dates the current story by them, so borrowing it would
 * invent dates. Anything else is left out.
 */
function yearFromText(text: string, yearless: chrono.ParsedResult[], claims: Claims): void {
  if (yearless.length === 0) return;
  const anchors = claims.found.filter((d) => d.precision !== 'range').sort((a, b) => a.start - b.start);
  const years = [...new Set(anchors.map((d) => Number(d.value.slice(0, 4))))];
  let next = 0;
  let anchor: DateMention | undefined;
  for (const r of yearless) {
    while (next < anchors.length && anchors[next].end <= r.index) anchor = anchors[next++];
    const s = r.start;
    const month = s.get('month')!;
    const day = s.isCertain('day') ? s.get('day')! : undefined;
    let year: number | undefined;
    if (day !== undefined && s.isCertain('weekday')) {
      const fitting = years.filter((y) => utc({ year: y, month, day }).getUTCDay() === s.get('weekday'));
      if (fitting.length === 1) year = fitting[0];
    } else if (anchor && !text.slice(anchor.end, r.index).includes('\n')) {
      year = Number(anchor.value.slice(0, 4));
    }
    if (year === undefined || (day !== undefined && day > daysIn(year, month))) continue;
    const precision = day === undefined ? 'month' : 'day';
    claims.add(...chronoSpan(r), iso({ year, month, day }, precision), precision);
  }
}

/** "four years earlier" counts from the nearest explicit date shortly before it in the same paragraph. */
function anchoredRelatives(text: string, relatives: RegExpMatchArray[], claims: Claims): void {
  const anchors = claims.found.filter((d) => d.precision !== 'range').sort((a, b) => a.start - b.start);
  let next = 0;
  let anchor: DateMention | undefined;
  for (const m of relatives) {
    while (next < anchors.length && anchors[next].end <= m.index!) anchor = anchors[next++];
    const nearby = anchor && m.index! - anchor.end <= MAX_ANCHOR_DISTANCE && !text.slice(anchor.end, m.index!).includes('\n');
    const resolved = nearby && shift(anchor!, m);
    if (resolved) claims.add(m.index!, m.index! + m[0].length, resolved.value, resolved.precision, true);
  }
}

function fromChrono(r: chrono.ParsedResult, ref: Point | null): { value: string; precision: DatePrecision } | null {
  const s = r.start;
  const certain = (c: chrono.Component) => s.isCertain(c);
  const hasDate = certain('day') || certain('month') || certain('weekday') || certain('year');
  if (!hasDate && !/\b(?:today|tonight|yesterday|tomorrow|ago|week|month|year)\b/i.test(r.text)) return null;
  if (!ref && !(certain('year') && /\d{4}/.test(r.text))) return null;
  const future = FUTURE.test(r.text);
  let point = componentPoint(r.start);
  let precision: DatePrecision = 'day';
  if (certain('weekday') && !certain('day') && ref && !future && after(point, ref)) {
    point = addDays(point, -7);
  } else if (certain('month') && !certain('day')) {
    precision = 'month';
    if (!certain('year') && ref && !future) point = { year: pastYear(point.month!, ref), month: point.month };
  } else if (/\byears?\b/i.test(r.text) && !certain('month')) {
    precision = 'year';
  } else if (/\bmonths?\b/i.test(r.text) && !certain('day')) {
    precision = 'month';
  }
  if (r.end) {
    const end = componentPoint(r.end);
    return { value: `${iso(point, precision)}/${iso(end, precision)}`, precision: 'range' };
  }
  return { value: iso(point, precision), precision };
}

function shift(anchor: DateMention, m: RegExpMatchArray): { value: string; precision: DatePrecision } | null {
  const amount = numberValue(m[1]);
  if (amount === null) return null;
  const unit = m[2].toLowerCase().replace(/s$/, '');
  const sign = cues.relativeDirections[m[3].toLowerCase()];
  const [y, mo, d] = anchor.value.split('-').map(Number);
  if (unit === 'year') return { value: String(y + sign * amount), precision: 'year' };
  if (unit === 'month' && mo) {
    const total = y * 12 + (mo - 1) + sign * amount;
    return { value: iso({ year: Math.floor(total / 12), month: (total % 12) + 1 }), precision: 'month' };
  }
  if (d) return { value: iso(addDays({ year: y, month: mo, day: d }, sign * amount * (unit === 'week' ? 7 : 1))), precision: 'day' };
  return null;
}

function numberValue(word: string): number | null {
  const lower = word.toLowerCase();
  if (/^\d+$/.test(lower)) return Number(lower);
  if (lower === 'a' || lower === 'an') return 1;
  return numberWords[lower] ?? null;
}

function componentPoint(c: ParsedComponents): Point {
  return { year: c.get('year')!, month: c.get('month')!, day: c.get('day')! };
}

function parseReference(published: string | null): Point | null {
  const m = published ? /^(\d{4})-(\d{2})-(\d{2})/.exec(published) : null;
  return m ? { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) } : null;
}

/** The year in which `month` last occurred, counting the reference month itself. */
function pastYear(month: number, ref: Point): number {
  return month <= ref.month! ? ref.year : ref.year - 1;
}

function monthNumber(name: string): number {
  return calendar.months.indexOf(name.toLowerCase()) + 1;
}

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function utc(p: Point): Date {
  return new Date(Date.UTC(p.year, (p.month ?? 1) - 1, p.day ?? 1, 12));
}

function after(a: Point, b: Point): boolean {
  return utc(a).getTime() > utc(b).getTime();
}

function addDays(p: Point, days: number): Point {
  const d = utc(p);
  d.setUTCDate(d.getUTCDate() + days);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

function iso(p: Point, precision: DatePrecision = 'day'): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  if (precision === 'year' || p.month === undefined) return String(p.year);
  if (precision === 'month' || p.day === undefined) return `${p.year}-${pad(p.month)}`;
  return `${p.year}-${pad(p.month)}-${pad(p.day)}`;
}
