// Read + extract as one stream: each input item becomes an article (with its raw bytes) or an error.
import { readInputs, type ReadOptions } from '../ingest/index.js';
import { extractArticle, ExtractError } from '../extract/index.js';
import type { Article, InputError } from '../types.js';

export type ArticleOrError = { article: Article; raw: Buffer } | { error: InputError };

export async function* readArticles(inputs: string[], options: ReadOptions): AsyncGenerator<ArticleOrError> {
  for await (const item of readInputs(inputs, options)) {
    if ('reason' in item) {
      yield { error: item };
      continue;
    }
    try {
      yield { article: extractArticle(item), raw: item.raw };
    } catch (err) {
      if (!(err instanceof ExtractError)) throw err;
      yield { error: { source: item.source, reason: err.message } };
    }
  }
}
