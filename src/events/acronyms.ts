// Acronyms an article defines in parentheses ("the Farabundo Marti National Liberation Front (FMLN)", "ARENA
// (Nationalist Republican Alliance)"): the short form, the long form and any tail of the long form the tagger cut
// off ("Marti National Liberation Front") all name one organisation, so they get one name.
import type { EntityMention, Span } from '../types.js';
import type { EventLexicon } from './lexicon.js';
import { phraseBefore } from './noun-phrases.js';
import { overlapping } from './spans.js';

export interface Acronyms {
  /** The long form for a short form, a long form or a tail of two or more of its words; undefined when unknown. */
  longForm(name: string): string | undefined;
  /** Every occurrence of a defined short form the entity tagger did not mark, as an organisation. */
  untagged(entities: EntityMention[]): EntityMention[];
}

const key = (s: string) => s.toLowerCase().replace(/["“”]/g, '').replace(/\s+/g, ' ').trim();

/** Whether the acronym's letters are the initials of the long form's words, allowing one missing letter (a name
 *  translated from another language keeps its original acronym: "Army of National Liberation (ELN)"). */
function initialsFit(acronym: string, words: string[]): boolean {
  const initials = words.filter((w) => !/^(?:of|the|and|for|de|del|la|y)$/.test(w)).map((w) => w[0]);
  const missing = [...acronym].filter((c) => !initials.includes(c)).length;
  return words.length >= 2 && acronym.length >= 2 && missing <= (acronym.length >= 3 ? 1 : 0);
}

/** A linked name among `entities` ending the words before "(ACR)" bounds the long form ("the Peruvian guerrilla
 *  movement Tupac Amaru Revolutionary Movement (MRTA)"). */
export function articleAcronyms(text: string, sentences: Span[], entities: EntityMention[], lex: EventLexicon): Acronyms {
  const long = new Map<string, string>();
  const longForms = new Set<string>();
  const sorted = [...entities].sort((a, b) => a.start - b.start);
  // Short forms as written: one defined in capitals ("ARENA") is only that name where written in capitals again.
  const shortForms = new Set<string>();
  for (const s of sentences) {
    for (const m of text.slice(s.start, s.end).matchAll(/\(\s*"?([^()"]{2,80}?)"?\s*\)/g)) {
      const open = s.start + m.index;
      const inner = m[1]!.trim();
      const innerWords = key(inner).split(' ');
      if (innerWords.length === 1 && /^\p{L}{2,8}$/u.test(inner)) {
        // "long form (ACR)"
        const span = phraseBefore(text, s.start, open, lex.phrases);
        if (!span) continue;
        const linked = overlapping(sorted, span).find((e) => e.id && e.end === span.end && e.start >= span.start);
        // A leading "pro-Castro" or "anti-government" qualifies the group; it is not part of its name.
        const qualifier = /^(?:(?:pro|anti|ex)-[\p{L}]+\s+)+/iu.exec(text.slice(span.start, span.end))?.[0].length ?? 0;
        const name = text.slice(linked?.start ?? span.start + qualifier, span.end);
        if (!initialsFit(key(inner), key(name).split(' ').filter(Boolean))) continue;
        long.set(key(inner), name);
        long.set(key(name), name);
        longForms.add(name);
        shortForms.add(inner);
      } else {
        // "ACR (long form)"
        const written = /([\p{L}]{2,8})\s*$/u.exec(text.slice(Math.max(s.start, open - 12), open))?.[1];
        const acr = written?.toLowerCase();
        if (!written || !acr || lex.phrases.stops.has(acr) || !initialsFit(acr, innerWords)) continue;
        long.set(acr, inner);
        long.set(key(inner), inner);
        longForms.add(inner);
        shortForms.add(written);
      }
    }
  }
  return {
    longForm(name: string): string | undefined {
      // A name the tagger took with its acronym, "Liberation (FAL)", is the acronym's.
      const k = key(name.replace(/^.*\(\s*(\p{L}{2,8})\s*\)\s*$/su, '$1'));
      const direct = long.get(k);
      if (direct !== undefined || !k.includes(' ')) return direct;
      for (const l of longForms) if (key(l).endsWith(` ${k}`)) return l;
      return undefined;
    },
    untagged(entities: EntityMention[]): EntityMention[] {
      // A short form in lower case is matched in any case, but only from three letters ("up" is a word too).
      const caps = [...shortForms].filter((f) => f === f.toUpperCase());
      const lower = [...shortForms].filter((f) => f !== f.toUpperCase() && f.length >= 3);
      const pattern = (forms: string[], flags: string) => new RegExp(`(?<![\\p{L}\\p{N}])(?:${forms.join('|')})(?![\\p{L}\\p{N}])`, flags);
      const found = [...(caps.length ? text.matchAll(pattern(caps, 'gu')) : []), ...(lower.length ? text.matchAll(pattern(lower, 'giu')) : [])];
      const tagged = [...entities].sort((a, b) => a.start - b.start);
      const out: EntityMention[] = [];
      // One pass over both lists in text order: `reach` is the furthest end of the entities starting before a match.
      let j = 0;
      let reach = -1;
      for (const m of found.sort((a, b) => a.index - b.index)) {
        const span = { start: m.index, end: m.index + m[0].length };
        while (j < tagged.length && tagged[j]!.start < span.end) reach = Math.max(reach, tagged[j++]!.end);
        if (reach <= span.start) out.push({ ...span, text: m[0], type: 'ORG', name: long.get(key(m[0]))! });
      }
      return out;
    },
  };
}
