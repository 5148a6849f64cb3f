// The CPU-bound stages of ingest as pure functions over plain data, so they run the same inline or in a worker
// thread: extract one document, and annotate, digest and fingerprint one article.
import { extractArticle, ExtractError } from '../extract/index.js';
import { fingerprint, type CopyFingerprint } from '../merge/copies.js';
import { annotate } from '../nlp/index.js';
import type { ArticleDigest } from '../store/repository.js';
import type { Annotations, Article, InputError, RawDocument } from '../types.js';
import { digestOf } from './digest.js';

/** A document without its raw bytes: extraction reads only the decoded body, so the bytes need not travel. */
export type DocumentToExtract = Omit<RawDocument, 'raw'>;

export type Extracted = { article: Article } | { error: InputError };

/** A new article's annotations and the digest derived from them. */
export interface Annotation {
  annotations: Annotations;
  digest: ArticleDigest;
}

/** `annotated` is null for an article already stored: only its fingerprint is needed. */
export type Annotated = { annotated: Annotation | null; print: CopyFingerprint } | { failed: string };

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
 * The copy fingerprint of an article and, unless it is already stored, its annotations and digest. A failure to
 * annotate is reported for this article alone (the batch goes on), as it always was.
 */
export function annotateStage(article: Article, known: boolean): Annotated {
  try {
    const annotations = known ? null : annotate(article);
    return { annotated: annotations && { annotations, digest: digestOf(article, annotations) }, print: fingerprint(article.text) };
  } catch (err) {
    return { failed: (err as Error).message };
  }
}
