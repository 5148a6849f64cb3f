// What an article contributes to story clustering: frequency vectors of its content words, its names and its
// numbers (years, ordinals, counts, ages: two events of one kind differ most in who, where and when).
import { readFileSync } from 'node:fs';
import { packagePath } from '../paths.js';
import type { EntityMention } from '../types.js';

export interface StoryDocument {
  id: string;
  title: string | null;
  text: string;
  published: string | null;
  source?: string;
  /** Entity mentions from the annotations; without them, capitalised word runs stand in for names. */
  entities?: Array<Pick<EntityMention, 'text'> & Partial<Pick<EntityMention, 'id' | 'name'>>>;
}

/** Feature -> (sublinear) frequency, of one article or summed over a story (its centroid). */
export type Vector = Map<string, number>;

export const CHANNELS = ['terms', 'names', 'numbers'] as const;
export type Channel = (typeof CHANNELS)[number];
export type StoryVectors = Record<Channel, Vector>;

const WORD = /[\p{L}\p{N}]+/gu;
// A number with its separators and an attached suffix ("1,200", "81st", "1960s").
const NUMBER = /(?<![\p{L}\p{N}])\p{Nd}[\p{Nd},.]*\p{L}*/gu;
// A run of capitalised words not at a sentence start: a stand-in for a name when no entities are given.
const NAME = /(?<![.!?"“]\s|^)\b\p{Lu}[\p{L}\p{N}'-]*(?:\s+\p{Lu}[\p{L}\p{N}'-]*)*/gmu;

let stopwords: Set<string> | null = null;
function stopwordSet(): Set<string> {
  stopwords ??= new Set((JSON.parse(readFileSync(packagePath('src/merge/data/stopwords.json'), 'utf8')) as { words: string[] }).words);
  return stopwords;
}

function counts(items: Iterable<string>): Map<string, number> {
  const out = new Map<string, number>();
  for (const t of items) out.set(t, (out.get(t) ?? 0) + 1);
  return out;
}

/** Content words: lower-case, no stop words, no one- or two-letter tokens, a plural "s" dropped. */
function contentWords(text: string): string[] {
  const stop = stopwordSet();
  const out: string[] = [];
  for (const m of text.toLowerCase().matchAll(WORD)) {
    const w = m[0];
    if (w.length < 3 || stop.has(w)) continue;
    out.push(w.length > 4 && w.endsWith('s') && !w.endsWith('ss') ? w.slice(0, -1) : w);
  }
  return out;
}

function names(doc: StoryDocument): string[] {
  if (doc.entities) return doc.entities.map((e) => (e.id ?? e.name ?? e.text).toLowerCase());
  // Single words of names: "Jamal Williams" and "Williams" then share a feature.
  const stop = stopwordSet();
  const out: string[] = [];
  for (const m of doc.text.matchAll(NAME)) for (const w of m[0].toLowerCase().split(/\s+/)) if (!stop.has(w)) out.push(w);
  return out;
}

/** Numbers of two or more characters, trailing punctuation dropped: one digit ("3 people") says little. */
function numbers(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(NUMBER)) {
    const n = m[0].replace(/[,.]+$/, '').toLowerCase();
    if (n.length >= 2) out.push(n);
  }
  return out;
}

/** Sublinear term frequency (1 + log tf), which keeps one long article from dominating a story's centroid. */
function sublinear(tf: Map<string, number>): Vector {
  const v: Vector = new Map();
  for (const [k, c] of tf) v.set(k, 1 + Math.log(c));
  return v;
}

export function storyVectors(doc: StoryDocument): StoryVectors {
  const text = `${doc.title ?? ''}\n${doc.text}`;
  return { terms: sublinear(counts(contentWords(text))), names: sublinear(counts(names(doc))), numbers: sublinear(counts(numbers(text))) };
}

export function emptyVectors(): StoryVectors {
  return { terms: new Map(), names: new Map(), numbers: new Map() };
}

export function addInto(target: StoryVectors, v: StoryVectors): void {
  for (const c of CHANNELS) for (const [k, x] of v[c]) target[c].set(k, (target[c].get(k) ?? 0) + x);
}

export function subtractFrom(target: StoryVectors, v: StoryVectors): void {
  for (const c of CHANNELS) {
    for (const [k, x] of v[c]) {
      const left = (target[c].get(k) ?? 0) - x;
      // Float sums leave crumbs; a feature no member has any more must leave the centroid.
      if (left > 1e-9) target[c].set(k, left);
      else target[c].delete(k);
    }
  }
}
