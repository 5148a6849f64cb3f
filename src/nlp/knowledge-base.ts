// What the annotation layer needs from the knowledge base (src/knowledge). Declared here, by the consumer,
// so that entity typing can be read and tested against this contract alone.

/** A knowledge-base entry as src/knowledge returns it. */
export interface KnownEntity {
  id: string;
  name: string;
  /** "PERSON", "ORG", "GPE", "LOC", "FAC" or "NORP" (or the tagger's "PER"). */
  type: string;
  /** Finer class: "armed-group", "country", "city", "venue", ... */
  kind: string;
  country?: string;
}

export interface KnownMatch {
  start: number;
  end: number;
  text: string;
  entity: KnownEntity;
}

export interface KnowledgeBase {
  /** Every known name found in `text`, non-overlapping. */
  matchKnown(text: string): KnownMatch[];
  /** The entry a surface name refers to, if any. */
  linkName(surface: string, type?: string, context?: string): KnownEntity | null;
  /** The country a demonym refers to ("Tajik" -> Tajikistan). */
  demonym(word: string): { country: string; name: string } | null;
}

/** The knowledge base, or null while src/knowledge provides none; annotate then reports the gap. */
export const knowledgeBase: KnowledgeBase | null = null;
