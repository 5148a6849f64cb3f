// Removes page furniture from the tree before any scoring: navigation, headers and footers, forms, hidden
// elements, elements whose class/id/role says menu, share, cookie, related, advert, comments…, and list items
// that are teaser cards for other pages (a linked headline).
import { classOrIdMatches, type Cues } from './cues.js';
import { elements, type HtmlElement } from './tree.js';

/** A wrapper holding more than this share of the page's text, or of its paragraph text, is kept whatever its
 * name (ASP.NET <form>, "layout-with-sidebar"): removing it would remove the article. */
const PROTECTED_SHARE = 0.5;
const PROTECTED_PARAGRAPH_SHARE = 0.4;
/** Below this much paragraph text a page has no paragraph structure to protect. */
const MIN_PARAGRAPH_CHARS = 200;

const HEADING = /^h[1-6]$/;
const HIDDEN_STYLE = /display\s*:\s*none|visibility\s*:\s*hidden/i;

/** Tags whose meaning is unambiguous even when they wrap most of the page. */
const ALWAYS_DROPPED = new Set(['nav', 'footer', 'aside', 'header', 'button', 'dialog', 'menu']);

export function pruneBoilerplate(root: HtmlElement, cues: Cues): void {
  const counts = countChars(root);
  const total = counts.get(root)!;
  const removed = new Set<HtmlElement>();
  for (const element of elements(root)) {
    if (element === root || element.tag === 'html' || element.tag === 'body') continue;
    if (!isBoilerplate(element, cues) && !(element.tag === 'li' && counts.get(element)!.linkedHeading)) continue;
    if (!ALWAYS_DROPPED.has(element.tag) && !isHidden(element) && holdsTheArticle(counts.get(element)!, total)) continue;
    removed.add(element);
  }
  // Filter each parent once: removing children one by one is quadratic on a parent with many children.
  const parents = new Set<HtmlElement>();
  for (const element of removed) if (element.parent) parents.add(element.parent);
  for (const parent of parents) parent.children = parent.children.filter((child) => typeof child === 'string' || !removed.has(child));
}

function isHidden(element: HtmlElement): boolean {
  const { attrs } = element;
  return 'hidden' in attrs || attrs['aria-hidden'] === 'true' || HIDDEN_STYLE.test(attrs.style ?? '');
}

function isBoilerplate(element: HtmlElement, cues: Cues): boolean {
  if (cues.dropTags.has(element.tag) || isHidden(element)) return true;
  const role = element.attrs.role;
  if (role && cues.boilerplateRoles.has(role.toLowerCase())) return true;
  if (element.tag === 'main' || element.attrs.itemprop === 'articleBody') return false;
  return classOrIdMatches(element.attrs, cues.boilerplateClass) && !classOrIdMatches(element.attrs, cues.contentClass);
}

interface CharCount {
  /** Non-whitespace characters in the subtree. */
  all: number;
  /** Of which inside <p> elements. */
  paragraph: number;
  hasLink: boolean;
  hasHeading: boolean;
  /** A heading that is (or holds) a link: in a list item, the mark of a teaser card for another page. */
  linkedHeading: boolean;
}

function holdsTheArticle(count: CharCount, total: CharCount): boolean {
  if (count.all > PROTECTED_SHARE * total.all) return true;
  return total.paragraph >= MIN_PARAGRAPH_CHARS && count.paragraph > PROTECTED_PARAGRAPH_SHARE * total.paragraph;
}

/** Character counts of every element's subtree, bottom-up in one pass. */
function countChars(root: HtmlElement): Map<HtmlElement, CharCount> {
  const order = [...elements(root)];
  const counts = new Map<HtmlElement, CharCount>();
  for (let i = order.length - 1; i >= 0; i--) {
    const element = order[i]!;
    const heading = HEADING.test(element.tag);
    const count: CharCount = { all: 0, paragraph: 0, hasLink: element.tag === 'a', hasHeading: heading, linkedHeading: false };
    for (const child of element.children) {
      if (typeof child === 'string') {
        count.all += child.length - countWhitespace(child);
        continue;
      }
      const inner = counts.get(child)!;
      count.all += inner.all;
      count.paragraph += inner.paragraph;
      count.hasLink ||= inner.hasLink;
      count.hasHeading ||= inner.hasHeading;
      count.linkedHeading ||= inner.linkedHeading;
    }
    if (element.tag === 'p') count.paragraph = count.all;
    if ((heading && count.hasLink) || (element.tag === 'a' && count.hasHeading)) count.linkedHeading = true;
    counts.set(element, count);
  }
  return counts;
}

function countWhitespace(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 10 || c === 9 || c === 13 || c === 160) n++;
  }
  return n;
}
