// Boilerplate removal for pasted web pages, plain text and (stripped) Markdown: keeps the article's
// paragraphs and drops navigation, teasers of other stories, share/subscribe prompts, captions, bios and
// everything after an end-of-article marker such as "Related Posts". Cue phrases live in data/boilerplate.json.
import { bylineFromLine } from './byline.js';
import { anyOf, loadExtractData } from './data.js';
import { normalizeText } from './normalize.js';
import { outletFromLine } from './outlet.js';

interface BoilerplateFile {
  endOfArticle: string[];
  drop: string[];
  teaserMarker: string[];
  relatedBlock: string[];
  caption: string[];
  separator: string;
}

const cues = loadExtractData<BoilerplateFile>('boilerplate.json');
const END_OF_ARTICLE = anyOf(cues.endOfArticle);
const DROP = anyOf(cues.drop);
const TEASER_MARKER = anyOf(cues.teaserMarker);
const RELATED_BLOCK = anyOf(cues.relatedBlock);
const CAPTION = anyOf(cues.caption);
const SEPARATOR = new RegExp(cues.separator, 'u');

/**
 * A sentence ends the line: . ! ? (or ...) possibly followed by closing quotes or brackets and short
 * bracketed editorial notes ("[END RECORDING]"). A long line may also end with a colon or semicolon that
 * introduces a list, or with such a note alone.
 */
const ENDS_SENTENCE = /[.!?](?:\s*["')\]])*(?:\s*\[[^\]]{1,40}\]){0,2}$/u;
const ENDS_CLAUSE = /(?:[:;]|\[[^\]]{1,40}\])$/u;
const MIN_CLAUSE_WORDS = 10;
/** "U.S." at a line's end says nothing about where the sentence ends. */
const ENDS_WITH_INITIALISM = /(?:^|\s)(?:\p{L}\.){2,}$/u;
const MIN_WRAP_WIDTH = 40;
const MAX_WRAP_WIDTH = 100;
/** Share of the block's width a wrapped line plus the next line's first word must exceed. */
const WRAP_FILL = 0.9;
const URLISH = /(?:https?:\/\/|www\.)\S+|@\w+|\S+@\S+\.\w+/gu;
const MIN_PROSE_WORDS = 3;
/** Cue phrases are only trusted on lines short enough to be furniture rather than prose. */
const MAX_CUE_WORDS = 60;
const MAX_TITLE_WORDS = 25;
const MAX_QUESTION_WORDS = 25;
/** Cues look at the start and end of a line only, so a huge line costs no more than a short one. */
const PROBE_CHARS = 300;
/** Enough header and caption lines to find a date in; a page of nothing but furniture must not flood them. */
const MAX_META_LINES = 40;

export interface PastedArticle {
  title: string | null;
  /** The article's paragraphs as they appear in the input (trimmed; hard-wrapped lines joined by a space). */
  paragraphs: string[];
  outlet: string | null;
  byline: string | null;
  /** Dropped lines that can still date the article: the header above the first paragraph and image captions. */
  metaLines: string[];
}

interface Unit {
  raw: string;
  /** Normalised form, used for every test. */
  norm: string;
  words: number;
  /** Index of the separator-delimited section ("-----", "* * *") the unit is in. */
  section: number;
}

function wordCount(s: string): number {
  return s === '' ? 0 : s.split(' ').length;
}

function probe(norm: string): string {
  return norm.length <= 2 * PROBE_CHARS ? norm : `${norm.slice(0, PROBE_CHARS)} ... ${norm.slice(-PROBE_CHARS)}`;
}

/**
 * Hard-wrapped plain text (mail, wire copy) breaks a line only where the next word would not have fitted
 * within the block's width, and somewhere mid-sentence; such a block is one paragraph. Otherwise pasted
 * web text has one paragraph per line.
 */
function isHardWrapped(lines: string[]): boolean {
  if (lines.length < 2) return false;
  const width = lines.reduce((max, l) => Math.max(max, l.length), 0);
  if (width < MIN_WRAP_WIDTH || width > MAX_WRAP_WIDTH) return false;
  const body = lines.slice(0, -1);
  const filled = body.every((line, i) => line.length + 1 + lines[i + 1]!.split(' ', 1)[0]!.length > WRAP_FILL * width);
  return filled && body.some((line) => !ENDS_SENTENCE.test(line) || ENDS_WITH_INITIALISM.test(line));
}

/** Lines -> units: blank lines end a block, separator lines also start a new section. */
function toUnits(text: string): Unit[] {
  const units: Unit[] = [];
  let section = 0;
  let block: Array<{ raw: string; norm: string }> = [];
  const flush = (): void => {
    if (block.length === 0) return;
    const groups = isHardWrapped(block.map((l) => l.norm)) ? [block] : block.map((l) => [l]);
    for (const group of groups) {
      const norm = group.map((l) => l.norm).join(' ');
      units.push({ raw: group.map((l) => l.raw).join(' '), norm, words: wordCount(norm), section });
    }
    block = [];
  };
  for (const line of text.split(/\r\n|\r|\n|\u2028|\u2029/u)) {
    const norm = normalizeText(line).text;
    if (norm === '') {
      flush();
    } else if (SEPARATOR.test(norm)) {
      flush();
      section++;
    } else {
      block.push({ raw: line.trim(), norm });
    }
  }
  flush();
  return units;
}

function isUrlHeavy(norm: string): boolean {
  let urlChars = 0;
  for (const m of norm.matchAll(URLISH)) urlChars += m[0].length;
  return urlChars > 0.5 * norm.replace(/\s+/gu, '').length;
}

function looksLikeHeadline(unit: Unit): boolean {
  return (
    unit.words >= 3 &&
    unit.words <= MAX_TITLE_WORDS &&
    /^[\p{Lu}\p{N}"']/u.test(unit.norm) &&
    !/[.,;:]$/u.test(unit.norm) &&
    !isUrlHeavy(unit.norm)
  );
}

function endsSentence(unit: Unit): boolean {
  return ENDS_SENTENCE.test(unit.norm) || (unit.words >= MIN_CLAUSE_WORDS && ENDS_CLAUSE.test(unit.norm));
}

/**
 * One question and nothing else — no quotation, no speaker label as in an interview transcript: a subheading
 * or a teaser link, not reporting.
 */
function isLoneQuestion(unit: Unit): boolean {
  return unit.words <= MAX_QUESTION_WORDS && /\?$/u.test(unit.norm) && !/[.!?"[\]:]/u.test(unit.norm.slice(0, -1));
}

export function cleanPastedText(text: string): PastedArticle {
  const units = toUnits(text);
  const kept: Array<Unit & { index: number }> = [];
  const metaLines: string[] = [];
  let title: string | null = null;
  let byline: string | null = null;
  let outlet: string | null = null;
  let ended = false;

  units.forEach((unit, index) => {
    const line = probe(unit.norm);
    const seenProse = kept.length > 0;
    // Bylines and outlet furniture are read wherever they are, even below the article.
    const name = unit.words <= MAX_CUE_WORDS ? bylineFromLine(unit.norm) : null;
    byline ??= name;
    outlet ??= outletFromLine(line);
    if (ended || name) return;
    if (seenProse && END_OF_ARTICLE.test(line)) {
      ended = true;
      return;
    }
    if (TEASER_MARKER.test(line)) {
      // "Read more »" closes a teaser of another story: the line before it is that teaser.
      if (kept[kept.length - 1]?.index === index - 1) kept.pop();
      return;
    }
    if (CAPTION.test(line)) {
      if (metaLines.length < MAX_META_LINES) metaLines.push(unit.norm);
      return;
    }
    const isCue = unit.words <= MAX_CUE_WORDS && DROP.test(line);
    const isProse =
      !isCue &&
      unit.words >= MIN_PROSE_WORDS &&
      endsSentence(unit) &&
      !isLoneQuestion(unit) &&
      !isUrlHeavy(unit.norm);
    if (isProse) {
      kept.push({ ...unit, index });
    } else if (!seenProse) {
      if (metaLines.length < MAX_META_LINES) metaLines.push(unit.norm);
      if (title === null && !isCue && looksLikeHeadline(unit)) title = unit.norm;
    }
  });

  // A separator-delimited section other than the article's own that carries a "Read also"/"See also" cue is
  // a box of links to other stories, including any teaser text in it.
  const sectionChars = new Map<number, number>();
  for (const unit of kept) sectionChars.set(unit.section, (sectionChars.get(unit.section) ?? 0) + unit.norm.length);
  const mainSection = [...sectionChars].reduce((best, entry) => (entry[1] > best[1] ? entry : best), [-1, -1])[0];
  const relatedSections = new Set(
    units.filter((u) => u.section !== mainSection && RELATED_BLOCK.test(probe(u.norm))).map((u) => u.section),
  );
  const paragraphs = kept.filter((u) => !relatedSections.has(u.section)).map((u) => u.raw);
  return { title, paragraphs, outlet, byline, metaLines };
}
