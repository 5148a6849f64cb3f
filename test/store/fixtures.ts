// Articles and annotations for the store tests, written for these tests (no seed text).
import type { Annotations, Article, EntityMention } from '../../src/types.js';

export function article(id: string, title: string | null, text: string, extra: Partial<Article> = {}): Article {
  return {
    id,
    source: `fixture/${id}.html`,
    url: `https://news.example/${id}`,
    title,
    text,
    published: '2024-05-02T09:30:00Z',
    publishedFrom: 'metadata',
    outlet: 'Example Herald',
    byline: 'A. Writer',
    language: 'en',
    fetchedAt: '2024-05-02T10:00:00Z',
    offsets: { runs: [[0, 0], [12, 14]] },
    ...extra,
  };
}

/** A mention of `surface` at its first occurrence in `text`, linked to `id` when given. */
export function mention(text: string, surface: string, type: EntityMention['type'], id?: string, name?: string): EntityMention {
  const start = text.indexOf(surface);
  if (start < 0) throw new Error(`fixture: "${surface}" is not in the text`);
  return { start, end: start + surface.length, text: surface, type, ...(id ? { id } : {}), ...(name ? { name } : {}) };
}

export function annotations(articleId: string, entities: EntityMention[]): Annotations {
  return { articleId, sentences: [{ start: 0, end: 10 }], entities, dates: [], quantities: [], quotes: [], skipped: [] };
}

/** Every byte value, invalid UTF-8 and NULs: what a binary or mis-labelled download looks like. */
export function binaryBytes(): Buffer {
  return Buffer.concat([Buffer.from(Array.from({ length: 256 }, (_, i) => i)), Buffer.from([0xff, 0xfe, 0x00, 0xc3, 0x28, 0x00])]);
}

const FILLER = [
  'Rescue teams worked through the night while relatives waited behind a cordon.',
  'Officials promised a full inquiry and asked witnesses to share their videos.',
  'Trains on the northern line were suspended for several hours.',
  'Hospitals in the district cancelled planned operations to free beds.',
];

/** The i-th of a numbered series of articles, each with the unique search word `tag<i>`, raw bytes and a mention. */
export function numbered(i: number): { article: Article; raw: Buffer; annotations: Annotations } {
  const id = `k${String(i).padStart(6, '0')}`;
  const text = `Report tag${i} from the night desk.\n\n${FILLER.join(' ').repeat(8)}`;
  return {
    article: article(id, `Numbered report ${i}`, text),
    raw: Buffer.from(`<html>${i}</html>`),
    annotations: annotations(id, [mention(text, 'Rescue teams', 'ORG', 'X1', 'Rescue teams')]),
  };
}
