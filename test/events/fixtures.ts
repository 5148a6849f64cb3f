// Hand-built articles and annotations for the events and merge tests (fictional incidents, written for the tests).
import type { Annotations, Article, DateMention, EntityMention, EntityType, Quantity, Span } from '../../src/types.js';

/** The span of the n-th occurrence (0-based) of `part` in `text`; throws when absent so a typo fails loudly. */
export function spanOf(text: string, part: string, n = 0): Span {
  let at = -1;
  for (let i = 0; i <= n; i++) {
    at = text.indexOf(part, at + 1);
    if (at < 0) throw new Error(`fixture: "${part}" (occurrence ${n}) not in text`);
  }
  return { start: at, end: at + part.length };
}

export function article(id: string, text: string, published = '2031-05-10T12:00:00Z'): Article {
  return { id, source: `${id}.txt`, url: null, title: null, text, published, publishedFrom: 'metadata', outlet: null, byline: null, language: 'en', fetchedAt: null, offsets: { runs: [[0, 0]] } };
}

/** Sentences split after '.', '!' or '?' followed by a space, as a sentence splitter would. */
function sentences(text: string): Span[] {
  const out: Span[] = [];
  let start = 0;
  for (const m of text.matchAll(/[.!?](?=\s+|$)/g)) {
    out.push({ start, end: m.index + 1 });
    start = m.index + 1;
    while (/\s/.test(text[start] ?? '')) start++;
  }
  if (start < text.length) out.push({ start, end: text.length });
  return out;
}

export interface Layers {
  entities?: Array<[text: string, type: EntityType, extra?: Partial<EntityMention> & { n?: number }]>;
  dates?: Array<[text: string, value: string, precision: DateMention['precision'], n?: number]>;
  quantities?: Array<[text: string, min: number | null, max: number | null, extra?: Partial<Quantity> & { n?: number }]>;
}

export function annotations(a: Article, layers: Layers): Annotations {
  const t = a.text;
  return {
    articleId: a.id,
    sentences: sentences(t),
    entities: (layers.entities ?? []).map(([text, type, extra]) => ({ ...spanOf(t, text, extra?.n), text, type, ...(extra?.id ? { id: extra.id } : {}), ...(extra?.name ? { name: extra.name } : {}) })),
    dates: (layers.dates ?? []).map(([text, value, precision, n]) => ({ ...spanOf(t, text, n), text, value, precision })),
    quantities: (layers.quantities ?? []).map(([text, min, max, extra]) => ({ ...spanOf(t, text, extra?.n), text, min, max, approx: extra?.approx ?? false, unit: extra?.unit ?? null })),
    quotes: [],
    skipped: [],
  };
}
