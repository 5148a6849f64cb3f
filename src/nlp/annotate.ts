// The annotation layer: stand-off sentences, entities, dates, quantities and quotes over an article's text.
// Each component adds one layer; every span indexes `article.text` and its `text` is exactly that slice.
import type { Annotations, Article, DateMention, Quantity } from '../types.js';
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
  const sentences = segment(text).map(({ start, end }) => ({ start, end }));
  const dates = findDates(text, article.published);
  if (!article.published) skipped.push({ layer: 'dates (relative)', reason: 'no publication date to resolve relative dates against' });
  const quantities = withoutDates(findQuantities(text), dates);

  const english = article.language === 'en' || (article.language === null && latinShare(text) >= MIN_LATIN_SHARE);
  if (!english) {
    const reason = `text is not English (language: ${article.language ?? 'unknown, mostly non-Latin script'})`;
    skipped.push({ layer: 'entities', reason }, { layer: 'quotes', reason });
    return { articleId: article.id, sentences, entities: [], dates, quantities, quotes: [], skipped };
  }
  const entities = findEntities(text, sentences, knowledgeBase);
  const quotes = findQuotes(text, entities, letterCase(text) !== 'mixed');
  return { articleId: article.id, sentences, entities, dates, quantities, quotes, skipped };
}

/** A number inside a date ("March 22, 2024") is part of the date, not a count. */
function withoutDates(quantities: Quantity[], dates: DateMention[]): Quantity[] {
  let d = 0;
  return quantities.filter((q) => {
    while (d < dates.length && dates[d].end <= q.start) d++;
    return !(d < dates.length && dates[d].start < q.end);
  });
}
