// The CPU-bound stages of ingest as pure functions over plain data, so they run the same inline or in a worker
// thread: extract one document, and annotate + fingerprint one article.
import { extractArticle, ExtractError } from '../extract/index.js';
import { fingerprint, type CopyFingerprint } from '../merge/copies.js';
import { annotate } from '../nlp/index.js';
import type { Annotations, Article, InputError, RawDocument } from '../types.js';

/** A document without its raw bytes: extraction reads only the decoded body, so the bytes need not travel. */
export type DocumentToExtract = Omit<RawDocument, 'raw'>;

export type Extracted = { article: Article } | { error: InputError };

export type Annotated = { annotations: Annotations | null; print: CopyFingerprint } | { failed: string };

/** Extracts the article; a document with no article in it is an input error, anything else a bug that throws. */
export function extractStage(doc: DocumentToExtract): Extracted {
  try {
    return { article: extractArticle({ ...doc, raw: Buffer.alloc(0) }) };
  } catch (err) {
    if (!(err instanceof ExtractError)) throw err;
    return { error: { source: doc.source, reason: err.message } };
  }
}

/**
 * The copy fingerprint of an article and, unless it is already stored, its annotations. A failure to annotate
 * is reported for this article alone (the batch goes on), as it always was.
 */
export function annotateStage(article: Article, known: boolean): Annotated {
  try {
    return { annotations: known ? null : annotate(article), print: fingerprint(article.text) };
  } catch (err) {
    return { failed: (err as Error).message };
  }
}
