// People: titles stripped from names and kept as roles, later mentions ("Mr. Hoffman", "Hoffman") resolved
// to the full name, and a spelling-tolerant key so that variants across articles share one id.
import { nameKey } from '../knowledge/index.js';
import type { EntityMention, Span } from '../types.js';
import { alternation, loadData } from './data.js';

interface PersonTitles {
  honorifics: string[];
  titles: string[];
  appositiveDeterminers: string[];
  appositiveStop: string[];
  nameStopWords: string[];
  nameParticles: string[];
  joiningParticles: { hyphenated: string[]; spaced: string[] };
  notNameWords: string[];
  namingTitles: string[];
  preposedRoles: { nouns: string[]; modifiers: string[] };
  governmentNouns: string[];
}

const titles = loadData<PersonTitles>('person-titles.json');
const TITLE = String.raw`(?:${alternation([...titles.honorifics, ...titles.titles])})\.?`;
const LEADING_TITLES = new RegExp(String.raw`^(?:${TITLE}(?:\s+|$))+`, 'u');
const TRAILING_TITLES = new RegExp(String.raw`(?:^|[^\p{L}.])((?:${TITLE}\s+)+)$`, 'u');
const WHOLE_TITLE = new RegExp(`^${TITLE}$`, 'u');
const TITLE_BEFORE_NAME = new RegExp(String.raw`(?:^|\s)(${TITLE}\s+\p{Lu})`, 'u');
const APPOSITIVE = new RegExp(
  String.raw`^,\s+((?:${alternation(titles.appositiveDeterminers)})\s+(?:\p{Ll}|${TITLE}\s)[^,;()"“”\n]{1,100}?)(?=\s*[,;)]|\.(?:\s+\p{Lu}|\s*$)|\s+(?:${alternation(titles.appositiveStop)})\b)`,
  'u',
);
// "Russia's Security Council deputy chair, Dmitry Medvedev": up to five capitalised words or modifiers.
const PREPOSED_ROLE = new RegExp(
  String.raw`(?<![\p{L}'’.-])((?:(?:\p{Lu}[\p{L}'’.-]*|${alternation(titles.preposedRoles.modifiers)})\s+){0,5}(?:${alternation(titles.preposedRoles.nouns)})),\s+$`,
  'u',
);
const COMMA_BEFORE = /,\s+$/;
const INITIAL = /^\p{Lu}\.$/u;
// A capitalised word (not an acronym such as "US") or an initial.
const NAME_WORD = /^(?:\p{Lu}\p{Ll}[\p{L}\p{M}'’-]*|\p{Lu}\.)$/u;
const nameStopWords = new Set(titles.nameStopWords);
const nameParticles = new Set(titles.nameParticles);
const INITIAL_AND_SURNAME = /^ \p{Lu}\. \p{Lu}[\p{L}\p{M}'’-]+/u;
const notNameWords = new Set(titles.notNameWords);
const PLACE_TYPES = new Set(['GPE', 'LOC', 'FAC']);
// "President Kessler", "Mr. Hale": a naming title, then one to three capitalised words.
const TITLED_NAME = new RegExp(String.raw`\b(?:${alternation(titles.namingTitles)})\.?\s+(\p{Lu}\p{Ll}[\p{L}\p{M}'’-]*(?:\s+\p{Lu}\p{Ll}[\p{L}\p{M}'’-]*){0,2})`, 'gu');
const CAPITALISED = String.raw`\p{Lu}[\p{L}\p{M}'’-]*`;
// " al-Hashimi al-Qurashi", " bin Laden", " ibn al-Khattab": particles and the capitalised words they join.
const HYPHENATED = alternation(titles.joiningParticles.hyphenated.flatMap((p) => [p, p[0].toUpperCase() + p.slice(1)]));
const PARTICLE_TAIL = new RegExp(
  String.raw`^(?:\s+(?:(?:${HYPHENATED})-${CAPITALISED}|(?:${alternation(titles.joiningParticles.spaced)})\s+(?:[Aa]l-)?${CAPITALISED}))+`,
  'u',
);
// "bin", "ibn": "son of" only ever joins a person's names; "al-" also names places and groups ("Jund al-Aqsa").
const KINSHIP_FIRST = new RegExp(String.raw`^\s+(?:${alternation(titles.joiningParticles.spaced)})\s`, 'u');
// After a joined name of an uncertain mention, another capitalised word says it names something else.
const NEXT_CAPITALISED = /^\s+\p{Lu}/u;
const LOOK = 60;
// "the Kessler administration", "a Hale Government": the noun is found first (a scan for it is cheap), then the
// capitalised word right before it.
const GOVERNMENT_NOUN = new RegExp(String.raw`(?<=\s)(?:${alternation(titles.governmentNouns.flatMap((n) => [n, n[0].toUpperCase() + n.slice(1)]))})\b`, 'g');
const WORD_BEFORE_NOUN = /(?<![\p{L}\p{M}'’-])\p{Lu}\p{Ll}[\p{L}\p{M}'’-]*(?=\s+$)/u;

/** Whether `word` is a title or honorific on its own ("Gen.", "President"). */
export function isTitle(word: string): boolean {
  return WHOLE_TITLE.test(word);
}

/** Where a title followed by a name starts inside `phrase` ("US General Michael Kurilla" -> 3), or -1. A
 * tagger may call such a phrase an organisation; the title says it names a person. */
export function titleOffset(phrase: string): number {
  const m = TITLE_BEFORE_NAME.exec(phrase);
  return m ? m.index + m[0].length - m[1].length : -1;
}

/** The tagger sometimes starts a name late ("D. Haines" for "Avril D. Haines"): take in up to two
 * capitalised words or initials directly before it. */
export function extendName(text: string, span: Span): Span {
  let start = span.start;
  // A span that opens with a title ("Gen. Michael Kurilla") already starts where the name does.
  for (let words = titleOffset(text.slice(span.start, span.end)) === 0 ? 2 : 0; words < 2; words++) {
    const m = text.charCodeAt(start - 1) === 32 ? /(\S+) $/u.exec(text.slice(Math.max(0, start - 40), start)) : null;
    if (!m || !NAME_WORD.test(m[1]) || nameStopWords.has(m[1]) || isTitle(m[1])) break;
    start -= m[0].length;
  }
  // ... or stops at a first name followed by an initial and a surname ("Christine" of "Christine S. Abizaid").
  const rest = INITIAL_AND_SURNAME.exec(text.slice(span.end, span.end + 40));
  return { start, end: span.end + (rest && !/\s/.test(text.slice(span.start, span.end)) ? rest[0].length : 0) };
}

/**
 * A PERSON mention for the name at `span`: titles inside or just before it become `role`, as do a role set off
 * before it ("the council's deputy chair, Dana Kell") and an appositive right after it (", the head of Central
 * Command,"). Null when nothing but a title is left.
 */
export function personMention(text: string, span: Span): EntityMention | null {
  let { start } = span;
  const roles: string[] = [];
  const inside = LEADING_TITLES.exec(text.slice(start, span.end));
  if (inside) start += inside[0].length;
  const preceding = text.slice(Math.max(0, span.start - LOOK), span.start);
  // A preposed role ends in a comma: a cheap test for that spares its costly search from every position.
  const before = TRAILING_TITLES.exec(preceding) ?? (COMMA_BEFORE.test(preceding) ? PREPOSED_ROLE.exec(preceding) : null);
  if (before) roles.push(before[1].trim());
  if (inside) roles.push(inside[0].trim());
  let end = span.end;
  while (end > start && /[\s,;:'’]/.test(text[end - 1])) end--;
  if (end <= start || !looksLikeName(text.slice(start, end))) return null;
  const appositive = APPOSITIVE.exec(text.slice(end, end + 140));
  if (appositive) roles.push(appositive[1]);
  const mention: EntityMention = { start, end, text: text.slice(start, end), type: 'PERSON' };
  if (roles.length > 0) mention.role = roles.join(', ');
  return mention;
}

/**
 * Gives every PERSON mention a `name` and `id`: a short mention takes the full name it abbreviates
 * (earlier in the article if possible); `link` may supply a knowledge-base id for a full name, otherwise the
 * id is `person:<key>` so that spelling variants across articles meet.
 */
export function resolvePeople(mentions: EntityMention[], link: (name: string) => { id: string; name: string } | null): EntityMention[] {
  const bySurname = fullNamesBySurname(mentions, (m) => m.text);
  return mentions.map((m) => {
    if (m.type !== 'PERSON') return m;
    const parts = nameParts(m.text);
    let name = m.text;
    if (parts.length === 1) {
      const target = nearest(bySurname.get(nameKey(parts[0])), m.start);
      if (target) name = target.text;
    }
    const linked = link(name);
    return { ...m, name: linked?.name ?? name, id: linked?.id ?? `person:${personKey(name)}` };
  });
}

/** The cross-article key of a person's name: first and last name folded, middle names and initials dropped. */
export function personKey(name: string): string {
  const parts = nameParts(name);
  if (parts.length === 0) return nameKey(name);
  return parts.length === 1 ? nameKey(parts[0]) : `${nameKey(parts[0])}-${nameKey(parts[parts.length - 1])}`;
}

/**
 * Joins a name the tagger split at a particle ("Abu Hafs" + "al-Qurashi", "Osama" + "bin" + "Laden") into one
 * PERSON mention, dropping the fragments it covers. A PERSON mention always takes the particle words after it;
 * a mention without a knowledge-base id only after "bin", "ibn" and the like, and when nothing capitalised
 * follows the joined name. `mentions` must be
 * sorted by start and not overlap; the result is too. People are not resolved again (see resolvePeople).
 */
export function joinParticleNames(text: string, mentions: EntityMention[]): EntityMention[] {
  const out: EntityMention[] = [];
  for (let i = 0; i < mentions.length; i++) {
    const m = mentions[i];
    const tail = m.type === 'PERSON' || m.id === undefined ? PARTICLE_TAIL.exec(text.slice(m.end, m.end + 200)) : null;
    const end = tail ? m.end + tail[0].length : m.end;
    const certain = m.type === 'PERSON' || (tail && KINSHIP_FIRST.test(tail[0]) && !NEXT_CAPITALISED.test(text.slice(end, end + 3)));
    const joined = tail && certain ? personMention(text, { start: m.start, end }) : null;
    if (!joined) {
      out.push(m);
      continue;
    }
    out.push(m.type === 'PERSON' && m.role && !joined.role ? { ...joined, role: m.role } : joined);
    while (i + 1 < mentions.length && mentions[i + 1].start < end) i++;
  }
  return out;
}

/**
 * A mention the knowledge base did not link, typed ORG or LOC, whose text is the surname of a person resolved
 * in the same text is that person ("al-Qurashi", "Roggio" after "Bill Roggio", "Lindsey" after "Governor Lawrence
 * Lindsey"): the tagger types a lone surname from its shape. It takes the name and id of the nearest such
 * person before it (else the first). Call after resolvePeople, so titled and knowledge-base names count too.
 */
export function adoptSurnames(mentions: EntityMention[]): EntityMention[] {
  const bySurname = fullNamesBySurname(mentions, (m) => m.name);
  return mentions.map((m) => {
    if (m.id !== undefined || (m.type !== 'ORG' && m.type !== 'LOC') || nameParts(m.text).length !== 1) return m;
    const person = nearest(bySurname.get(nameKey(m.text)), m.start);
    return person ? { ...m, type: 'PERSON', name: person.name, id: person.id } : m;
  });
}

/**
 * The person whose government a phrase names ("the Kessler administration"), when a person of that surname is
 * resolved in the text or the knowledge base knows one: the tagger drops such phrases as no name, or calls them
 * an organisation. Only unlinked, non-person mentions inside the phrase give way. Both lists are sorted by start.
 */
export function governmentHeads(text: string, mentions: EntityMention[], link: (name: string) => { id: string; name: string } | null): EntityMention[] {
  const bySurname = fullNamesBySurname(mentions, (m) => m.name);
  const replaced = new Set<EntityMention>();
  const added: EntityMention[] = [];
  let k = 0;
  for (const noun of text.matchAll(GOVERNMENT_NOUN)) {
    const from = Math.max(0, noun.index! - LOOK);
    const word = WORD_BEFORE_NOUN.exec(text.slice(from, noun.index!));
    if (!word) continue;
    const surname = word[0];
    const start = from + word.index;
    const end = start + surname.length;
    const phraseEnd = noun.index! + noun[0].length;
    while (k < mentions.length && mentions[k].end <= start) k++;
    const overlapping: EntityMention[] = [];
    for (let i = k; i < mentions.length && mentions[i].start < end; i++) overlapping.push(mentions[i]);
    if (!overlapping.every((o) => o.id === undefined && o.type !== 'PERSON' && o.start >= start && o.end <= phraseEnd)) continue;
    const person = nearest(bySurname.get(nameKey(surname)), start) ?? link(surname);
    if (!person?.id || !person.name) continue;
    for (const o of overlapping) replaced.add(o);
    added.push({ start, end, text: surname, type: 'PERSON', name: person.name, id: person.id });
  }
  if (added.length === 0) return mentions;
  return [...mentions.filter((m) => !replaced.has(m)), ...added].sort((a, b) => a.start - b.start);
}

/**
 * People the tagger missed although a naming title introduces them ("President Kessler now admits"), or took
 * for a place ("Mr. Hale" is no town) or an unknown organisation. `mentions` must be sorted by start; so is
 * the result.
 */
export function titledNames(text: string, mentions: EntityMention[]): EntityMention[] {
  const replaced = new Set<EntityMention>();
  const added: EntityMention[] = [];
  let k = 0;
  for (const m of text.matchAll(TITLED_NAME)) {
    const start = m.index! + m[0].length - m[1].length;
    const end = m.index! + m[0].length;
    while (k < mentions.length && mentions[k].end <= m.index!) k++;
    const overlapping: EntityMention[] = [];
    for (let i = k; i < mentions.length && mentions[i].start < end; i++) overlapping.push(mentions[i]);
    if (!overlapping.every((o) => o.start >= start && o.end <= end && (PLACE_TYPES.has(o.type) || (o.type === 'ORG' && o.id === undefined)))) continue;
    const person = personMention(text, { start, end });
    if (!person) continue;
    for (const o of overlapping) replaced.add(o);
    added.push(person);
  }
  if (added.length === 0) return mentions;
  return [...mentions.filter((m) => !replaced.has(m)), ...added].sort((a, b) => a.start - b.start);
}

/** A name has capitals and no lower-case words other than particles (al-, bin, van, de): this drops the
 * headline fragments a tagger calls people ("Biden lands", "Biden Issues Executive", "Assad Regime"). */
function looksLikeName(name: string): boolean {
  if (!/\p{Lu}/u.test(name)) return false;
  return name.split(/\s+/).every((word) => (!/^\p{Ll}/u.test(word) || nameParticles.has(word.split(/[-’']/)[0])) && !notNameWords.has(word));
}

/** Name words without initials ("Vladimir V. Putin" -> Vladimir, Putin). */
function nameParts(name: string): string[] {
  return name.split(/\s+/).filter((w) => w !== '' && !INITIAL.test(w) && /\p{L}{2}/u.test(w));
}

/** PERSON mentions whose name (as `nameOf` gives it) has two or more parts, by the key of the last, in text order. */
function fullNamesBySurname(mentions: EntityMention[], nameOf: (m: EntityMention) => string | undefined): Map<string, EntityMention[]> {
  const bySurname = new Map<string, EntityMention[]>();
  for (const m of mentions) {
    const name = m.type === 'PERSON' ? nameOf(m) : undefined;
    const parts = name === undefined ? [] : nameParts(name);
    if (parts.length < 2) continue;
    const key = nameKey(parts[parts.length - 1]);
    const list = bySurname.get(key);
    if (list) list.push(m);
    else bySurname.set(key, [m]);
  }
  return bySurname;
}

/** The last of `sorted` (by start) that starts before `at`, else the first. */
function nearest(sorted: EntityMention[] | undefined, at: number): EntityMention | undefined {
  return sorted && (sorted[countBefore(sorted, at) - 1] ?? sorted[0]);
}

/** How many of `sorted` (by start) start before `at`. */
function countBefore(sorted: EntityMention[], at: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (sorted[mid].start < at) low = mid + 1;
    else high = mid;
  }
  return low;
}
