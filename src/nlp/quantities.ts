// Counts in running text ("at least 139 people", "dozens", "1,500 to 2,200 fighters") as ranges with a unit.
// Qualifiers follow ACLED's conservative reading (data/quantity-cues.json): "nearly 150" -> max 149, min unknown.
import type { Quantity } from '../types.js';
import { alternation, loadData } from './data.js';

interface NumberWords {
  units: Record<string, number>;
  multipliers: Record<string, number>;
  vague: Record<string, [number, number]>;
}
type Rule = 'above' | 'atLeast' | 'atMost' | 'below' | 'nearly' | 'approx';
interface QuantityCues {
  qualifiers: Array<{ words: string[]; rule: Rule }>;
  rangeJoiners: string[];
  rangeOpeners: string[];
  skipBeforeUnit: string[];
  timeUnits: string[];
  ageCues: string[];
  agePrefixes: string[];
  percent: string[];
  currencySymbols: Record<string, string>;
  currencyWords: Record<string, string>;
  singular: Record<string, string>;
  notUnits: string[];
  countNouns: string[];
}
interface Calendar {
  months: string[];
  monthAbbreviations: string[];
}

const words = loadData<NumberWords>('numbers.json');
const cues = loadData<QuantityCues>('quantity-cues.json');
const calendar = loadData<Calendar>('calendar.json');

const ruleOf = new Map<string, Rule>();
for (const q of cues.qualifiers) for (const w of q.words) ruleOf.set(w, q.rule);
const numberWord = alternation([...Object.keys(words.units), ...Object.keys(words.multipliers)]);
const DIGITS = String.raw`(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?:\s+(?:${alternation(Object.keys(words.multipliers))}))?`;
const WORDS = String.raw`(?:${numberWord})(?:(?:\s+and\s+|\s+|-)(?:${numberWord}))*`;
const NUMBER = `(?:${DIGITS}|${WORDS})`;
const VAGUE = alternation(Object.keys(words.vague));
// A figure stands alone: not glued to letters, digits, or the separators of times, ids, versions and dates.
const BEFORE = String.raw`(?<![\p{L}\p{N}_.,:/\-])`;
const AFTER = String.raw`(?![\p{L}\p{N}_]|[.,:/]\p{N})`;
const SCAN = new RegExp(`${BEFORE}(?:(${VAGUE})|(${NUMBER}))${AFTER}`, 'giu');
const RANGE_TAIL = new RegExp(String.raw`\s*(?:${alternation(cues.rangeJoiners)})\s*(${NUMBER})${AFTER}`, 'iuy');
const QUALIFIER = new RegExp(String.raw`(?:^|[^\p{L}])(${alternation(ruleOf.keys())})\s+$`, 'iu');
const RANGE_OPENER = new RegExp(String.raw`(?:^|[^\p{L}])(${alternation(cues.rangeOpeners)})\s+$`, 'iu');
const MONTH = alternation([...calendar.months, ...calendar.monthAbbreviations]);
const MONTH_BEFORE = new RegExp(String.raw`(?:^|[^\p{L}])(?:${MONTH})\.?\s+$`, 'iu');
const MONTH_AFTER = new RegExp(String.raw`^(?:st|nd|rd|th)?\s+(?:of\s+)?(?:${MONTH})(?![\p{L}])`, 'iu');
const AGE_AFTER = new RegExp(String.raw`^\s*(?:${alternation(cues.ageCues)})`, 'iu');
const AGE_BEFORE = new RegExp(String.raw`(?:^|[^\p{L}])(?:${alternation(cues.agePrefixes)})\s+$`, 'iu');
const PERCENT_AFTER = new RegExp(String.raw`^\s*(?:${alternation(cues.percent)})`, 'iu');
const CURRENCY_BEFORE = new RegExp(String.raw`(${alternation(Object.keys(cues.currencySymbols))})\s?$`, 'u');
const WORD_AFTER = /^[\s]+([\p{L}][\p{L}'’.-]*)/u;
const skipWords = new Set(cues.skipBeforeUnit);
const notUnits = new Set(cues.notUnits);
const timeUnits = new Set(cues.timeUnits);
const countNouns = new Set(cues.countNouns);
const LOOK = 40;
const DOTTED_ACRONYM = /^(?:\p{Lu}\.){2,}$/u;

/** Finds counts in `text`. Years, ages, times, dates and durations are left out; money and percentages
 * are kept with a currency code or "%" as their unit. Linear in the text length. */
export function findQuantities(text: string): Quantity[] {
  const found: Quantity[] = [];
  SCAN.lastIndex = 0;
  for (let m = SCAN.exec(text); m; m = SCAN.exec(text)) {
    const q = readQuantity(text, m.index, m[0], m[1] !== undefined);
    if (q) {
      found.push(q);
      SCAN.lastIndex = Math.max(SCAN.lastIndex, q.end);
    }
  }
  return found;
}

function readQuantity(text: string, index: number, matched: string, vague: boolean): Quantity | null {
  let start = index;
  let end = index + matched.length;
  const before = text.slice(Math.max(0, index - LOOK), index);
  const [low, high] = vague ? words.vague[matched.toLowerCase()] : [parseNumber(matched), parseNumber(matched)];
  // A run of digits too long to be a count (an id, a pasted blob) is no figure.
  if (!Number.isSafeInteger(Math.round(low))) return null;
  let min: number | null = low;
  let max: number | null = high;

  RANGE_TAIL.lastIndex = end;
  const range = vague ? null : RANGE_TAIL.exec(text);
  const opener = RANGE_OPENER.exec(before);
  if (range && (opener || !/^\s*and/i.test(range[0]))) {
    const top = parseNumber(range[1]);
    if (top > low) {
      max = top;
      end = RANGE_TAIL.lastIndex;
      if (opener) start = index - before.length + before.lastIndexOf(opener[1]);
    }
  }

  const after = text.slice(end, end + LOOK);
  if (!vague && isDateOrAge(before, after, matched)) return null;

  let approx = false;
  const qualifier = min === max ? QUALIFIER.exec(before) : null;
  if (qualifier) {
    const rule = ruleOf.get(qualifier[1].toLowerCase())!;
    [min, max, approx] = applyRule(rule, low);
    start = index - before.length + before.lastIndexOf(qualifier[1]);
  }

  let unit: string | null = null;
  const percent = PERCENT_AFTER.exec(after);
  const symbol = CURRENCY_BEFORE.exec(text.slice(Math.max(0, start - 3), start));
  if (percent) {
    unit = '%';
    end += percent[0].length;
  } else if (symbol) {
    unit = cues.currencySymbols[symbol[1]];
    start -= symbol[0].length;
  } else {
    const noun = countedNoun(text, end);
    if (noun) {
      unit = cues.currencyWords[noun.word.toLowerCase()] ?? singular(noun.word);
      end = noun.end;
    }
  }
  if (unit && timeUnits.has(unit)) return null;
  if (!unit || !countNouns.has(unit)) {
    // Bare small words ("one of them") and year-like numbers are not counts unless a counted noun follows.
    if (/^one$/i.test(matched)) return null;
    if (/^\d{4}$/.test(matched) && +matched >= 1000 && +matched <= 2100 && unit !== '%' && !symbol) return null;
  }
  return { start, end, text: text.slice(start, end), min, max, approx, unit };
}

function isDateOrAge(before: string, after: string, matched: string): boolean {
  if (AGE_AFTER.test(after) || AGE_BEFORE.test(before)) return true;
  if (/^\d{1,2}$/.test(matched) && (MONTH_BEFORE.test(before) || MONTH_AFTER.test(after))) return true;
  return /^\d{4}$/.test(matched) && MONTH_BEFORE.test(before);
}

function applyRule(rule: Rule, n: number): [number | null, number | null, boolean] {
  switch (rule) {
    case 'above':
      return [n + 1, null, false];
    case 'atLeast':
      return [n, null, false];
    case 'atMost':
      return [null, n, false];
    case 'below':
      return [null, n - 1, false];
    case 'nearly':
      return [null, n - 1, true];
    case 'approx':
      return [n, n, true];
  }
}

/** The counted noun after a figure: skips "of", "other", capitalised modifiers ("four Tajik men") and dotted
 * acronyms ("13 U.S. service members"); a word in capitals is a noun in capitalised text, not a modifier. */
function countedNoun(text: string, from: number): { word: string; end: number } | null {
  let at = from;
  for (let hops = 0; hops < 3; hops++) {
    const m = WORD_AFTER.exec(text.slice(at, at + LOOK));
    if (!m) return null;
    const word = m[1].replace(/[.’']+$/, '');
    const lower = word.toLowerCase();
    const wordEnd = at + m[0].length - (m[1].length - word.length);
    if (DOTTED_ACRONYM.test(m[1])) {
      at += m[0].length;
      continue;
    }
    if (skipWords.has(lower) || /^\p{Lu}\p{Ll}/u.test(word)) {
      at = wordEnd;
      continue;
    }
    if (notUnits.has(lower)) return null;
    return { word, end: wordEnd };
  }
  return null;
}

function singular(word: string): string {
  const lower = word.toLowerCase();
  const known = cues.singular[lower];
  if (known) return known;
  if (lower.endsWith('ies') && lower.length > 4) return lower.slice(0, -3) + 'y';
  if (lower.endsWith('s') && !lower.endsWith('ss') && lower.length > 3) return lower.slice(0, -1);
  return lower;
}

/** Value of "1,500", "2.5 million", "twenty-five", "one hundred and fifty". */
export function parseNumber(raw: string): number {
  const lower = raw.toLowerCase().trim();
  const digits = /^([\d,]+(?:\.\d+)?)(?:\s+(\p{L}+))?$/u.exec(lower);
  if (digits) return Number(digits[1].replace(/,/g, '')) * (digits[2] ? words.multipliers[digits[2]] : 1);
  let total = 0;
  let current = 0;
  for (const w of lower.split(/\s+and\s+|\s+|-/)) {
    if (w in words.units) current += words.units[w];
    else if (w === 'hundred') current = (current || 1) * 100;
    else if (w in words.multipliers) {
      total += (current || 1) * words.multipliers[w];
      current = 0;
    } else return NaN;
  }
  return total + current;
}
