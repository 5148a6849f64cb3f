// ECB+ documents (../shared/eval/ecbplus, see its SOURCE.md) as the story clusterer receives articles in production:
// plain text (the corpus is tokenised, "Feb . 04 , 2009"; production text is not) with the entities the annotation
// layer finds in it. Shared by eval/stories.ts and scripts/train-stories.ts.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { StoryDocument } from '../src/merge/stories.js';
import { annotate } from '../src/nlp/index.js';
import { packagePath } from '../src/paths.js';
import { seededRandom } from '../src/random.js';
import type { Article } from '../src/types.js';

export interface EcbDoc {
  doc_id: string;
  /** The gold story (event) cluster. */
  subtopic: string;
  split: 'train' | 'dev' | 'test';
  text: string;
}

export const ECB_DOCS = join(packagePath('..', 'shared', 'eval', 'ecbplus'), 'docs.jsonl');

/** The train and dev documents, or null when the shared evaluation folder is absent. The test split is sealed. */
export function readEcb(): { train: EcbDoc[]; dev: EcbDoc[] } | null {
  if (!existsSync(ECB_DOCS)) return null;
  const docs = readFileSync(ECB_DOCS, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as EcbDoc);
  return { train: docs.filter((d) => d.split === 'train'), dev: docs.filter((d) => d.split === 'dev') };
}

// Undoing the corpus tokenisation: numbers first ("13 : 26", "2 / 3 / 2009", "2 , 000"), then words split at
// hyphens and clitics, punctuation and quotes.
const DETOKENISE: Array<[RegExp, string]> = [
  [/(\d) ([:/]) (?=\d)/g, '$1$2'],
  [/(\d) , (?=\d{3}\b)/g, '$1,'],
  [/(\w) - (?=\w)/g, '$1-'],
  [/ (n't|'s|'re|'ve|'ll|'d|'m)\b/gi, '$1'],
  [/ ([,.;:!?%)\]}])/g, '$1'],
  [/([([{$]) /g, '$1'],
  [/`` ?/g, '"'],
  [/ ?''/g, '"'],
];

export function detokenise(text: string): string {
  return DETOKENISE.reduce((t, [pattern, by]) => t.replace(pattern, by), text);
}

/**
 * The document as production hands it to the clusterer (src/pipeline/incidents.ts): its text and the entities
 * annotated in it (text, canonical id, name, as the article digest keeps them). No title, no publication date:
 * ECB+ has neither.
 */
export function storyDocument(d: EcbDoc): StoryDocument {
  const text = detokenise(d.text);
  const article: Article = { id: d.doc_id, source: 'ecbplus', url: null, title: null, text, published: null, publishedFrom: null, outlet: null, byline: null, language: 'en', fetchedAt: null, offsets: { runs: [[0, 0]] } };
  const entities = annotate(article).entities.map(({ text, id, name }) => ({ text, ...(id ? { id } : {}), ...(name ? { name } : {}) }));
  return { id: d.doc_id, title: null, text, published: null, entities };
}

/** A fixed pseudo-random arrival order (documents are stored grouped by topic, which no stream would be). */
export function shuffled<T>(items: T[], seed: number): T[] {
  const random = seededRandom(seed);
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}
