// Turns whatever a user typed into search terms both back ends can run without a syntax error: no operator,
// bracket or stray quote of the user's ever reaches the full-text engine, only words.

/** At most this many terms are searched; the rest of a pasted paragraph adds cost, not precision. */
const MAX_TERMS = 32;

const WORD = /[\p{L}\p{N}\p{M}]+/gu;

/**
 * The terms of a query, each a phrase of one or more words, all required. Text between double quotes is a phrase
 * (an unclosed quote runs to the end); everything else is one term per word. Operators are just words.
 */
export function searchTerms(query: string): string[][] {
  const terms: string[][] = [];
  query.split('"').forEach((part, i) => {
    const words = part.match(WORD) ?? [];
    if (i % 2 === 1) {
      if (words.length > 0) terms.push(words);
    } else {
      for (const word of words) terms.push([word]);
    }
  });
  return terms.slice(0, MAX_TERMS);
}

/** An SQLite FTS5 MATCH expression: every term as a quoted string (words only, so no quote to escape). */
export function fts5Expression(terms: string[][]): string {
  return terms.map((words) => `"${words.join(' ')}"`).join(' AND ');
}

/** A row limit both engines accept: a whole number from 1 to 1000 (SQLite reads -1 as "no limit"). */
export function searchLimit(limit: number): number {
  return Number.isFinite(limit) ? Math.min(1000, Math.max(1, Math.trunc(limit))) : 20;
}
