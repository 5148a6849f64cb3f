// Publication dates: normalising the many date formats found in page metadata to ISO 8601, and reading a
// date from URL paths such as /2024/03/22/.

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
const FIRST_YEAR = 1990;
const LAST_YEAR = 2100;
const MAX_DATE_LENGTH = 80;

/** ISO 8601 for a metadata date string: YYYY-MM-DD when no time is given, else a UTC timestamp; null if unreadable. */
export function normaliseDate(raw: string): string | null {
  const text = raw.trim();
  // Real dates are short; anything long is not worth handing to the Date parser.
  if (text === '' || text.length > MAX_DATE_LENGTH) return null;
  const dateOnly = DATE_ONLY.exec(text);
  if (dateOnly) return validDay(+dateOnly[1]!, +dateOnly[2]!, +dateOnly[3]!);
  // Compact forms some CMSs emit: 20240322 or 20240322T101500Z.
  const compact = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})?Z?)?$/.exec(text);
  if (compact) {
    const day = validDay(+compact[1]!, +compact[2]!, +compact[3]!);
    if (!day || compact[4] === undefined) return day;
    return `${day}T${compact[4]}:${compact[5]}:${compact[6] ?? '00'}.000Z`;
  }
  // Unix timestamps in seconds or milliseconds.
  if (/^\d{10}(\d{3})?$/.test(text)) return toIso(new Date(text.length === 10 ? +text * 1000 : +text));
  return toIso(new Date(text));
}

function toIso(date: Date): string | null {
  const time = date.getTime();
  if (Number.isNaN(time)) return null;
  const year = date.getUTCFullYear();
  if (year < FIRST_YEAR || year > LAST_YEAR) return null;
  return date.toISOString();
}

function validDay(year: number, month: number, day: number): string | null {
  if (year < FIRST_YEAR || year > LAST_YEAR || month < 1 || month > 12 || day < 1) return null;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > daysInMonth) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** A date in a URL path: /2024/03/22/, /2024-03-22-, /20240322/ (day precision) or /2024/03/ (YYYY-MM). */
export function dateFromUrl(url: string): string | null {
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return null;
  }
  const day = /(?:^|\/|\D)((?:19|20)\d{2})[/_-]?(0[1-9]|1[0-2])[/_-]?(0[1-9]|[12]\d|3[01])(?=\/|\D|$)/.exec(path);
  if (day) {
    const iso = validDay(+day[1]!, +day[2]!, +day[3]!);
    if (iso) return iso;
  }
  const month = /\/((?:19|20)\d{2})\/(0[1-9]|1[0-2])\//.exec(path);
  return month ? `${month[1]}-${month[2]}` : null;
}
