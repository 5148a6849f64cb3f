// The annotation layer: stand-off sentences, entities, dates, quantities and quotes over an article's text.
// Each component adds one layer; every span indexes `article.text` and its `text` is exactly that slice.
import type { Annotations, Article, DateMention, EntityMention, Quantity, Span } from '../types.js';
import { findDates } from './dates.js';
import { findEntities } from './entities.js';
import { knowledgeBase } from './knowledge-base.js';
import { findQuantities } from './quantities.js';
import { findQuotes } from './quotes.js';
import { latinShare, letterCase } from './script.js';
import { segment } from './tokens.js';

/** Below this share of Latin letters, text with no language tag is not treated as English. */
const MIN_LATIN_SHARE = 0.5;

export function annotate(article: Article): Annotations {
  const { text } = article;
  const skipped: Annotations['skipped'] = [];
  const caseless = letterCase(text) !== 'mixed';
  const tokenized = segment(text, caseless);
  const sentences = tokenized.map(({ start, end }) => ({ start, end }));
  const dates = findDates(text, article.published);
  if (!article.published) skipped.push({ layer: 'dates (relative)', reason: 'no publication date to resolve relative dates against' });
  const quantities = withoutDates(findQuantities(text), dates);

  const english = article.language === 'en' || (article.language === null && latinShare(text) >= MIN_LATIN_SHARE);
  if (!english) {
    const reason = `text is not English (language: ${article.language ?? 'unknown, mostly non-Latin script'})`;
    skipped.push({ layer: 'entities', reason }, { layer: 'quotes', reason });
    return { articleId: article.id, sentences, entities: [], dates, quantities, quotes: [], skipped };
  }
  const entities = withoutCommonWords(text, sentences, outsideDates(findEntities(text, tokenized, knowledgeBase), dates));
  const quotes = findQuotes(text, entities, caseless);
  return { articleId: article.id, sentences, entities, dates, quantities, quotes, skipped };
}

/** A name inside a date ("New Year" of "New Year's Eve 2023") is part of the date. Both lists are sorted. */
export function outsideDates(entities: EntityMention[], dates: DateMention[]): EntityMention[] {
  let d = 0;
  return entities.filter((e) => {
    while (d < dates.length && dates[d].end <= e.start) d++;
    return !(d < dates.length && dates[d].start <= e.start && e.end <= dates[d].end);
  });
}

/** A sentence's first word is capitalised whatever it is: an unlinked one-word organisation or place there
 * that the text also writes in lower case ("Counterterrorism specialists ...") is a common word. */
export function withoutCommonWords(text: string, sentences: Span[], entities: EntityMention[]): EntityMention[] {
  const starts = new Set(sentences.map((s) => s.start + (/^\s*/.exec(text.slice(s.start, s.start + 20))?.[0].length ?? 0)));
  let lowerWords: Set<string> | null = null;
  return entities.filter((e) => {
    if (e.id !== undefined || (e.type !== 'ORG' && e.type !== 'LOC') || !starts.has(e.start) || /\s/.test(e.text)) return true;
    lowerWords ??= new Set(text.match(/\b\p{Ll}[\p{L}-]*/gu) ?? []);
    return !lowerWords.has(e.text.toLowerCase());
  });
}

/** A number inside a date ("March 22, 2024") is part of the date, not a count. */
function withoutDates(quantities: Quantity[], dates: DateMention[]): Quantity[] {
  let d = 0;
  return quantities.filter((q) => {
    while (d < dates.length && dates[d].end <= q.start) d++;
    return !(d < dates.length && dates[d].start < q.end);
  });
}
