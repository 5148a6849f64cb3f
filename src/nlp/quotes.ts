// Direct quotes and who said them. Quote marks are paired per paragraph, with the newsroom convention that a
// quote running over several paragraphs reopens each one with a mark and closes only at its end.
import type { EntityMention, Quote, Span, Speaker } from '../types.js';
import { alternation, loadData } from './data.js';
import { paragraphs } from './paragraphs.js';

interface QuoteCues {
  verbs: string[];
  inverted: string[];
  personPronouns: string[];
  organisationPronouns: string[];
  notSpeakers: string[];
  genericSpeakers: string[];
  definiteRoles: string[];
  maxQuoteLength: number;
  maxUnbalancedLength: number;
  attributionWindow: number;
}

const cues = loadData<QuoteCues>('quote-cues.json');
const QUOTE_MARKS = new Set(['"', '“', '”', '„']);
const MARK_SCAN = /["“”„]/g;
const CAP = String.raw`\p{Lu}[\p{L}\p{M}.'’-]*`;
// A name, or a group noun after names and up to two lower-case modifiers ("Russia's national guard").
const SPEAKER = String.raw`\b(?:${alternation([...cues.personPronouns, ...cues.organisationPronouns])})\b|(?:(?:[Tt]he|[Aa]n?)\s+)?(?:${CAP}\s+){0,5}(?:${CAP}|(?:\p{Ll}[\p{L}-]*\s+){0,2}(?:${alternation(cues.genericSpeakers)})\b)`;
const VERB = `(?:${alternation(cues.verbs)})\\b`;
// "Putin now admits", "she later said", "he repeatedly warned".
const ADVERB = String.raw`(?:(?:also|now|later|then|again|\p{Ll}+ly)\s+)?`;
const APPOSITIVE = String.raw`(?:,[^,"“”\n]{1,160},)?`;
const SHORT_TAIL = /^[^.!?"“”\n]{0,40}[.!?]/u;
/** The attribution patterns; `caseless` ones serve text written all in capitals or all in lower case. */
function patterns(caseless: boolean) {
  const flags = caseless ? 'diu' : 'du';
  return {
    afterSpeakerVerb: new RegExp(String.raw`^\s*[,.!?]?\s*(${SPEAKER})${APPOSITIVE}\s+${ADVERB}${VERB}`, flags),
    // The inverted form may follow an aside: "..., frequently criticizing Putin in its propaganda, said Clarke".
    afterVerbSpeaker: new RegExp(String.raw`^\s*[,.!?]?\s*(?:[^"“”\n]{0,120}?,\s+)?(?:${alternation(cues.inverted)})\s+(${SPEAKER})`, flags),
    beforeSpeakerVerb: new RegExp(String.raw`(${SPEAKER})${APPOSITIVE}\s+${ADVERB}${VERB}[^"“”\n]{0,80}$`, flags),
    // "X said a “...”": speaker and verb right before the mark outrank anything after the quote.
    adjacentSpeakerVerb: new RegExp(String.raw`(${SPEAKER})${APPOSITIVE}\s+${ADVERB}${VERB}(?:\s+(?:that|a|an|the))?\s*:?\s*$`, flags),
    beforeAccording: new RegExp(String.raw`[Aa]ccording to\s+(${SPEAKER})[^"“”\n]{0,60}$`, flags),
    // What the two verb patterns before a quote end with. Searching for that alone is cheap, and when it is
    // absent neither pattern can match, so their costly search from every position of the window is skipped.
    adjacentVerbEnd: new RegExp(String.raw`${VERB}(?:\s+(?:that|a|an|the))?\s*:?\s*$`, flags),
    verbEnd: new RegExp(String.raw`${VERB}[^"“”\n]{0,80}$`, flags),
  };
}
type Patterns = ReturnType<typeof patterns>;
const CASED = patterns(false);
const CASELESS = patterns(true);
const pronouns = new Set(cues.personPronouns);
const organisationPronouns = new Set(cues.organisationPronouns);
const notSpeakers = new Set(cues.notSpeakers);
const generic = new RegExp(String.raw`\b(?:${alternation(cues.genericSpeakers)})$`, 'iu');
const speakerTypes = new Set(['PERSON', 'ORG', 'NORP', 'GPE']);
const DEFINITE_ROLE = new RegExp(String.raw`^the\s+(?:\p{Ll}[\p{L}-]*\s+){0,2}(?:${alternation(cues.definiteRoles)})$`, 'iu');

/** The entity mentions of the text, sorted by start: all of them, and the people and organisations. */
interface Mentions {
  all: EntityMention[];
  people: EntityMention[];
  organisations: EntityMention[];
}

/** A quote's content span plus where its marks and paragraphs are, for attribution. */
interface Found extends Span {
  /** From the opening mark (or paragraph start) to just after the closing mark. */
  outer: Span;
  /** First and last paragraph the quote touches. */
  paragraphs: Span;
}

/** Quotes in `text`, each attributed to a speaker where an attribution is in reach. `mentions` are the
 * entity mentions of the same text (any order); they let speakers resolve to names and ids. `caseless` is for
 * text in one case, where capital letters say nothing about names. */
export function findQuotes(text: string, mentions: EntityMention[], caseless = false): Quote[] {
  const use = caseless ? CASELESS : CASED;
  const found = pairMarks(text);
  const sorted = [...mentions].sort((a, b) => a.start - b.start);
  const people = sorted.filter((m) => m.type === 'PERSON');
  const organisations = sorted.filter((m) => m.type === 'ORG');
  const quotes: Quote[] = [];
  for (let i = 0; i < found.length; i++) {
    const q = found[i];
    const from = Math.max(q.paragraphs.start, i > 0 ? found[i - 1].outer.end : 0, q.outer.start - cues.attributionWindow);
    const to = Math.min(q.paragraphs.end, i + 1 < found.length ? found[i + 1].outer.start : text.length, q.outer.end + cues.attributionWindow);
    const previous = quotes.length > 0 ? quotes[quotes.length - 1].speaker : null;
    const attributed = attribute(use, text, q, from, to, { all: sorted, people, organisations }, previous);
    // An unattributed quote that follows another in the same paragraph continues that speaker's words.
    const continues = i > 0 && found[i - 1].paragraphs.end >= q.paragraphs.start;
    const speaker = attributed ? attributed.speaker : continues ? previous : null;
    quotes.push({ start: q.start, end: q.end, text: text.slice(q.start, q.end), speaker });
  }
  return quotes;
}

function pairMarks(text: string): Found[] {
  const found: Found[] = [];
  const paras = paragraphs(text);
  let open: { mark: number; para: number } | null = null;
  const emit = (close: number, closeMarkEnd: number, lastPara: Span) => {
    const start = open!.mark + 1;
    const content = text.slice(start, close);
    const trimmedEnd = start + content.trimEnd().length;
    if (content.trim() !== '' && close - start <= cues.maxQuoteLength) {
      found.push({ start, end: trimmedEnd, outer: { start: open!.mark, end: closeMarkEnd }, paragraphs: { start: paras[open!.para].start, end: lastPara.end } });
    }
    open = null;
  };
  for (let p = 0; p < paras.length; p++) {
    const para = paras[p];
    // A continued quote reopens this paragraph with a mark that must not count as a new quote.
    MARK_SCAN.lastIndex = open ? para.start + 1 : para.start;
    for (let m = MARK_SCAN.exec(text); m && m.index < para.end; m = MARK_SCAN.exec(text)) {
      const role = markRole(text, m.index, para);
      if (!open) {
        if (role !== 'close') open = { mark: m.index, para: p };
      } else if (role === 'open') {
        open = { mark: m.index, para: p };
      } else {
        emit(m.index, m.index + 1, para);
      }
    }
    if (open) {
      const next = paras[p + 1];
      const continues = next && QUOTE_MARKS.has(text[next.start]) && next.start - open.mark < cues.maxQuoteLength;
      if (!continues) {
        // Unbalanced: end at the paragraph, and only when short enough to be a real quote missing its mark.
        if (para.end - open.mark <= cues.maxUnbalancedLength) emit(para.end, para.end, para);
        open = null;
      }
    }
  }
  return found;
}

/** Whether a mark opens or closes, judged from its neighbours; the glyph decides only when they do not. */
function markRole(text: string, at: number, para: Span): 'open' | 'close' | 'either' {
  const before = at > para.start ? text[at - 1] : ' ';
  const after = at + 1 < para.end ? text[at + 1] : ' ';
  const spaceBefore = /[\s([{—–/-]/.test(before);
  const spaceAfter = /[\s.,;:!?)\]}—–-]/.test(after);
  if (spaceBefore && !spaceAfter) return 'open';
  if (!spaceBefore && spaceAfter) return 'close';
  // A mark standing alone between spaces is a typo'd mark: it closes an open quote or opens a new one.
  if (spaceBefore && spaceAfter) return 'either';
  if (text[at] === '“' || text[at] === '„') return 'open';
  if (text[at] === '”') return 'close';
  return 'either';
}

/** The speaker an attribution next to the quote names (possibly nobody identifiable, as in "they said"),
 * or null when there is no attribution. */
function attribute(use: Patterns, text: string, q: Found, from: number, to: number, mentions: Mentions, previous: Speaker | null): { speaker: Speaker | null } | null {
  const after = text.slice(q.outer.end, to);
  const before = text.slice(from, q.outer.start);
  const adjacent = use.adjacentVerbEnd.test(before) ? use.adjacentSpeakerVerb.exec(before) : null;
  if (adjacent) return { speaker: speakerAt(text, q.outer.start, from + adjacent.indices![1][0], adjacent[1], mentions, previous) };
  const m = use.afterSpeakerVerb.exec(after) ?? use.afterVerbSpeaker.exec(after);
  // After a quote that ends its sentence, a capitalised "The report concluded that ..." starts a new
  // statement; only a short "Hale said." still attributes backwards.
  const closed = /[.!?]$/.test(text.slice(q.start, q.end)) && /^\s*\p{Lu}/u.test(after);
  const short = m && SHORT_TAIL.test(after.slice(m[0].length));
  if (m && (!closed || short)) return { speaker: speakerAt(text, q.outer.start, q.outer.end + m.indices![1][0], m[1], mentions, previous) };
  const b = (use.verbEnd.test(before) ? use.beforeSpeakerVerb.exec(before) : null) ?? use.beforeAccording.exec(before);
  if (b) return { speaker: speakerAt(text, q.outer.start, from + b.indices![1][0], b[1], mentions, previous) };
  return null;
}

/** Turns a matched speaker phrase at `start` into a speaker: "he"/"she" become the last person named before
 * the quote (at `quoteStart`; a name inside the quote is not its speaker), "it" the last organisation; a
 * phrase covering an entity mention becomes that entity. */
function speakerAt(text: string, quoteStart: number, start: number, phrase: string, { all, people, organisations }: Mentions, previous: Speaker | null): Speaker | null {
  const antecedentBefore = Math.min(start, quoteStart);
  const end = start + phrase.length;
  const lower = phrase.toLowerCase();
  if (organisationPronouns.has(lower)) {
    const before = firstEndingAfter(organisations, antecedentBefore) - 1;
    return before >= 0 ? fromMention(organisations[before]) : null;
  }
  if (notSpeakers.has(lower)) return null;
  if (pronouns.has(lower)) {
    const before = firstEndingAfter(people, antecedentBefore) - 1;
    if (before >= 0) return fromMention(people[before]);
    // Without a named person in reach, the previous quote's speaker is the best guess, unless it was a
    // group ("officials"), which "he" or "she" cannot refer to.
    return previous && !generic.test(previous.name) ? previous : null;
  }
  const article = /^(?:the|a|an)\s+/i.exec(phrase);
  const nameStart = start + (article ? article[0].length : 0);
  const best = speakerMention(all, nameStart, end, generic.test(phrase));
  if (best) return fromMention(best);
  // "the security expert said": the expert introduced by name before.
  const before = DEFINITE_ROLE.test(phrase) ? firstEndingAfter(people, antecedentBefore) - 1 : -1;
  return before >= 0 ? fromMention(people[before]) : { name: text.slice(nameStart, end), start: nameStart, end };
}

/** The entity a speaker phrase [start, end) names: a person in it; else the mention the phrase ends with (its
 * head: "Russia's national guard" is the guard, not Russia), unless that mention is an unlinked part of a longer
 * phrase; else, when the phrase ends in a group noun ("the U.N. report"), a known organisation in it; else its
 * longest mention. Null: the phrase itself names the speaker. */
function speakerMention(all: EntityMention[], start: number, end: number, endsInGroupNoun: boolean): EntityMention | null {
  let person: EntityMention | null = null;
  let head: EntityMention | null = null;
  let longest: EntityMention | null = null;
  let organisation: EntityMention | null = null;
  for (let i = firstEndingAfter(all, start); i < all.length && all[i].start < end; i++) {
    const mention = all[i];
    if (!speakerTypes.has(mention.type)) continue;
    if (mention.type === 'PERSON' && !person) person = mention;
    if (mention.type === 'ORG' && mention.id !== undefined) organisation = mention;
    if (mention.end === end) head = mention;
    if (!longest || mention.end - mention.start > longest.end - longest.start) longest = mention;
  }
  if (person) return person;
  if (head) return head.id !== undefined || head.start <= start ? head : null;
  return endsInGroupNoun ? organisation : longest;
}

/** Index of the first mention that ends after `at` (mentions do not overlap, so ends are sorted too). */
function firstEndingAfter(mentions: EntityMention[], at: number): number {
  let low = 0;
  let high = mentions.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (mentions[mid].end <= at) low = mid + 1;
    else high = mid;
  }
  return low;
}

function fromMention(mention: EntityMention): Speaker {
  const speaker: Speaker = { name: mention.name ?? mention.text, start: mention.start, end: mention.end };
  if (mention.id) speaker.id = mention.id;
  return speaker;
}
