// Chooses the article among the page's text blocks. Each block gets a weight (long, punctuated, few links:
// positive; short or link-heavy: negative); the main container is the element whose blocks weigh the most
// (a maximum-weight subtree, found bottom-up in one pass). Inside it, furniture blocks are filtered out.
import type { Block } from './blocks.js';
import { classOrIdMatches, type Cues } from './cues.js';
import { elements, type HtmlElement } from './tree.js';

const SENTENCE_END = /[.!?…:;。！？"”»)]$/u;
const HEADING = /^h[1-6]$/;
const TRUNCATED = /(\.\.\.|…|\[…\]|\[\.\.\.\])$/u;
/** List items and table rows: short is normal for them, so shortness alone does not count against them. */
const ITEM = /^(li|tr|dt|dd)$/;
const PARAGRAPH = /^(p|li|tr|dt|dd|blockquote|pre)$/;
/** Share of the page's prose weight the chosen container must hold for the guess to be trusted. */
const MIN_CONTAINER_SHARE = 0.5;

/** How much a block looks like article prose. */
function blockWeight(block: Block): number {
  const length = block.text.length;
  const linkDensity = block.linkChars / Math.max(1, length);
  if (linkDensity > 0.5) return -length;
  if (HEADING.test(block.kind)) return 0;
  // A linked headline followed by a cut-off summary is a teaser for another article.
  if (block.linkChars > 0 && TRUNCATED.test(block.text)) return -length / 2;
  const prose = length * (1 - linkDensity);
  if (length >= 150) return prose;
  if (length >= 60 && SENTENCE_END.test(block.text)) return prose * 0.75;
  if (length >= 30 && SENTENCE_END.test(block.text)) return prose * 0.25;
  if (ITEM.test(block.kind) && block.linkChars === 0) return 0;
  return -Math.min(length, 20);
}

/** Extra weight from the container's own name and tag: a named article body is a strong hint. */
function containerBonus(element: HtmlElement, cues: Cues): number {
  let bonus = 1;
  if (element.tag === 'article' || element.attrs.itemprop === 'articleBody') bonus *= 1.1;
  if (classOrIdMatches(element.attrs, cues.contentClass)) bonus *= 1.1;
  return bonus;
}

/** The article's blocks in document order: those of the best container, or, when that container holds too
 * little of the page's prose to be trusted, every prose-like block of the page (a paragraph-level pass). */
export function selectArticle(root: HtmlElement, blocks: readonly Block[], title: string | null, cues: Cues): Block[] {
  const container = chooseContainer(root, blocks, cues);
  let prose = 0;
  let proseInside = 0;
  for (const block of blocks) {
    const weight = Math.max(0, blockWeight(block));
    prose += weight;
    if (container && isInside(block.owner, container)) proseInside += weight;
  }
  if (container && proseInside >= MIN_CONTAINER_SHARE * prose) return articleBlocks(blocks, container, title, cues);
  return blocks.filter((b) => blockWeight(b) > 0 && !isFurniture(b, title, cues));
}

/** The element whose blocks have the largest total weight, or null when no block is positive. */
function chooseContainer(root: HtmlElement, blocks: readonly Block[], cues: Cues): HtmlElement | null {
  const totals = new Map<HtmlElement, number>();
  for (const block of blocks) totals.set(block.owner, (totals.get(block.owner) ?? 0) + blockWeight(block));
  // Pre-order puts every element before its descendants; walking it backwards sums children into parents.
  const order = [...elements(root)];
  let best: HtmlElement | null = null;
  let bestScore = 0;
  for (let i = order.length - 1; i >= 0; i--) {
    const element = order[i]!;
    const total = totals.get(element) ?? 0;
    if (element.parent) totals.set(element.parent, (totals.get(element.parent) ?? 0) + total);
    const score = total * containerBonus(element, cues);
    // Strictly greater: among equal scores the deepest (first finished) element wins.
    if (score > bestScore) {
      best = element;
      bestScore = score;
    }
  }
  return best;
}

function isInside(element: HtmlElement, container: HtmlElement): boolean {
  for (let e: HtmlElement | null = element; e; e = e.parent) if (e === container) return true;
  return false;
}

/** Blocks of the container minus furniture: link lists, boilerplate phrases, the title repeated, and
 * non-prose lines at the start and end (bylines, datelines, "Related" headings). */
function articleBlocks(blocks: readonly Block[], container: HtmlElement, title: string | null, cues: Cues): Block[] {
  const inside = blocks.filter((b) => isInside(b.owner, container));
  const kept = inside.filter((b) => !isFurniture(b, title, cues));
  let start = 0;
  let end = kept.length;
  while (start < end && isLooseLine(kept[start]!)) start++;
  while (end > start && isLooseLine(kept[end - 1]!)) end--;
  return kept.slice(start, end);
}

/** A short non-prose line that is not marked up as a paragraph, list item or row: a byline, a dateline, a label. */
function isLooseLine(block: Block): boolean {
  return !PARAGRAPH.test(block.kind) && blockWeight(block) <= 0;
}

function isFurniture(block: Block, title: string | null, cues: Cues): boolean {
  const length = block.text.length;
  // Inside the article a sentence may be mostly a link (a cited source, a news round-up) and still be prose;
  // a block with little text of its own besides links is navigation.
  const linkDensity = block.linkChars / Math.max(1, length);
  if (linkDensity > 0.75 || (linkDensity > 0.5 && length - block.linkChars < 50)) return true;
  if (length < 300 && cues.boilerplatePhrase.test(block.text)) return true;
  return title !== null && block.text.toLowerCase() === title.toLowerCase();
}
