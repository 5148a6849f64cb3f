// Chooses the article among the page's text blocks. Each block gets a weight (long, punctuated, few links:
// positive; short or link-heavy: negative); the main container is the element whose blocks weigh the most
// (a maximum-weight subtree, found bottom-up in one pass). Inside it, furniture blocks are filtered out.
import type { Block } from './blocks.js';
import { classOrIdMatches, type Cues } from './cues.js';
import type { HtmlElement } from './tree.js';

const SENTENCE_END = /[.!?…:;。！？"”»)]$/u;
const HEADING = /^h[1-6]$/;
const TRUNCATED = /(\.\.\.|…|\[…\]|\[\.\.\.\])$/u;
/** List items and table rows: short is normal for them, so shortness alone does not count against them. */
const ITEM = /^(li|tr|dt|dd)$/;
const PARAGRAPH = /^(p|li|tr|dt|dd|blockquote|pre)$/;

/** How much a block looks like article prose. */
export function blockWeight(block: Block): number {
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

/** The element whose blocks have the largest total weight, or null when no block is positive. */
export function chooseContainer(root: HtmlElement, blocks: readonly Block[], cues: Cues): HtmlElement | null {
  const totals = new Map<HtmlElement, number>();
  for (const block of blocks) totals.set(block.owner, (totals.get(block.owner) ?? 0) + blockWeight(block));
  // Owners deeper in the tree come later in a reverse topological order; sum children into parents.
  const order = topologicalOrder(root);
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

function topologicalOrder(root: HtmlElement): HtmlElement[] {
  const order: HtmlElement[] = [];
  const stack: HtmlElement[] = [root];
  while (stack.length > 0) {
    const element = stack.pop()!;
    order.push(element);
    for (const child of element.children) if (typeof child !== 'string') stack.push(child);
  }
  return order;
}

export function isInside(element: HtmlElement, container: HtmlElement): boolean {
  for (let e: HtmlElement | null = element; e; e = e.parent) if (e === container) return true;
  return false;
}

/** Blocks of the container minus furniture: link lists, boilerplate phrases, the title repeated, and
 * non-prose lines at the start and end (bylines, datelines, "Related" headings). */
export function articleBlocks(blocks: readonly Block[], container: HtmlElement, title: string | null, cues: Cues): Block[] {
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
  // Inside the article a long sentence may be mostly a link (a news round-up); a short one is navigation.
  if (block.linkChars / Math.max(1, length) > (length >= 100 ? 0.75 : 0.5)) return true;
  if (length < 300 && cues.boilerplatePhrase.test(block.text)) return true;
  return title !== null && block.text.toLowerCase() === title.toLowerCase();
}
