// Named-entity tagging (PER, ORG, LOC, MISC) with the project's own averaged-perceptron model,
// trained on CoNLL-2003 by scripts/train-ner.ts and committed as models/ner.bin.gz.
import { defaultModel } from './model.js';
import { tagDocument } from './tagger.js';
import { spansFromTags, type EntityKind } from './tags.js';
import type { NerToken } from './tokenize.js';

export { isSpace, tokenizeForNer, type NerToken } from './tokenize.js';

export interface NerSpan {
  /** Character offsets, from the first token's start to the last token's end. */
  start: number;
  end: number;
  type: EntityKind;
  /** Token indices within the sentence, [tokenStart, tokenEnd). */
  tokenStart: number;
  tokenEnd: number;
}

/**
 * Tags sentences of one document (earlier sentences inform later ones: a name tagged PER once is
 * likely PER again). Returns the entities of each sentence, in order.
 */
export function tagTokens(sentences: NerToken[][]): NerSpan[][] {
  const tags = tagDocument(defaultModel(), sentences.map((s) => s.map((t) => t.text)));
  return tags.map((sentenceTags, s) =>
    spansFromTags(sentenceTags).map((span) => ({
      start: sentences[s]![span.start]!.start,
      end: sentences[s]![span.end - 1]!.end,
      type: span.type,
      tokenStart: span.start,
      tokenEnd: span.end,
    })),
  );
}
