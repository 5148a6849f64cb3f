// A small element tree built from htmlparser2's tokenizer: cheaper than a full DOM, and shaped for the few
// questions the extractor asks (tag, attributes, children in order, text). The tree building is our own, with
// O(1) work per tag, because htmlparser2's Parser keeps its open-element stack with Array.unshift, which is
// quadratic on hostile, deeply nested pages.
import { QuoteType, Tokenizer } from 'htmlparser2';

export interface HtmlElement {
  tag: string;
  attrs: Record<string, string>;
  children: HtmlNode[];
  parent: HtmlElement | null;
}

/** A text node is a plain string (entities already decoded). */
export type HtmlNode = HtmlElement | string;

/** What the parser keeps besides the tree: raw JSON-LD blocks and the <title> text. */
export interface ParsedPage {
  root: HtmlElement;
  jsonLd: string[];
  title: string | null;
}

/** Elements whose content is never article text: kept as empty elements, their content is not stored. */
const SKIP_CONTENT = new Set(['script', 'style', 'noscript', 'template', 'svg', 'math', 'iframe', 'object', 'canvas', 'textarea', 'select']);

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'keygen', 'link', 'meta', 'param', 'source', 'track', 'wbr']);

/** Opening one of these closes an open <p> (HTML's implied end tag). */
const CLOSES_P = new Set([
  'address', 'article', 'aside', 'blockquote', 'dd', 'details', 'dialog', 'div', 'dl', 'dt', 'fieldset', 'figcaption', 'figure', 'footer',
  'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr', 'li', 'main', 'menu', 'nav', 'ol', 'p', 'pre', 'section', 'table', 'ul',
]);

/** Opening the key closes open elements of these kinds on top of the stack (<li> ends the previous <li>…). */
const CLOSES_SIBLING: Record<string, ReadonlySet<string>> = {
  li: new Set(['li']),
  dt: new Set(['dt', 'dd']),
  dd: new Set(['dt', 'dd']),
  tr: new Set(['tr', 'td', 'th']),
  td: new Set(['td', 'th']),
  th: new Set(['td', 'th']),
  tbody: new Set(['thead', 'tbody', 'tr', 'td', 'th']),
  tfoot: new Set(['thead', 'tbody', 'tr', 'td', 'th']),
  option: new Set(['option']),
};

/** Deeper nesting than this is flattened into the deepest kept element, so recursive walks stay shallow. */
export const MAX_DEPTH = 300;

export function parseHtml(html: string): ParsedPage {
  const root: HtmlElement = { tag: '#root', attrs: {}, children: [], parent: null };
  const jsonLd: string[] = [];
  let title: string | null = null;
  const stack: HtmlElement[] = [root];
  // How many elements of each tag are open, so a stray end tag is rejected without searching the stack.
  const open = new Map<string, number>();
  // Tags opened beyond MAX_DEPTH: not built, only counted, so their end tags can be consumed.
  const flattened = new Map<string, number>();
  let skipping = 0;
  let capture: { element: HtmlElement; text: string } | null = null;

  let tagName = '';
  let attrs: Record<string, string> = {};
  let attrName = '';
  let attrValue = '';

  const top = (): HtmlElement => stack[stack.length - 1]!;
  const bump = (counts: Map<string, number>, tag: string, by: number): void => {
    counts.set(tag, (counts.get(tag) ?? 0) + by);
  };
  const addText = (text: string): void => {
    if (capture) capture.text += text;
    if (skipping > 0) return;
    const children = top().children;
    const last = children[children.length - 1];
    if (typeof last === 'string') children[children.length - 1] = last + text;
    else children.push(text);
  };
  const pop = (): void => {
    const element = stack.pop()!;
    bump(open, element.tag, -1);
    if (SKIP_CONTENT.has(element.tag)) skipping--;
    if (capture?.element === element) {
      if (element.tag === 'title') title = capture.text;
      else jsonLd.push(capture.text);
      capture = null;
    }
  };
  const openElement = (tag: string, attributes: Record<string, string>): void => {
    if (top().tag === 'p' && CLOSES_P.has(tag)) pop();
    const siblings = CLOSES_SIBLING[tag];
    while (siblings && stack.length > 1 && siblings.has(top().tag)) pop();
    if (VOID.has(tag)) {
      if (skipping === 0) top().children.push({ tag, attrs: attributes, children: [], parent: top() });
      return;
    }
    // Skipped content is never attached to the tree, so it may nest deeper without harm (and must, so that
    // a script past the limit is still recognised as one).
    if (stack.length > MAX_DEPTH && skipping === 0 && !SKIP_CONTENT.has(tag)) {
      bump(flattened, tag, 1);
      return;
    }
    const element: HtmlElement = { tag, attrs: attributes, children: [], parent: top() };
    if (skipping === 0) top().children.push(element);
    if (skipping === 0 && capture === null) {
      if (tag === 'title' && title === null) capture = { element, text: '' };
      else if (tag === 'script' && /ld\+json/i.test(attributes.type ?? '')) capture = { element, text: '' };
    }
    if (SKIP_CONTENT.has(tag)) skipping++;
    stack.push(element);
    bump(open, tag, 1);
  };
  const closeElement = (tag: string): void => {
    if ((flattened.get(tag) ?? 0) > 0) {
      bump(flattened, tag, -1);
      return;
    }
    if (tag === 'br') {
      openElement('br', {});
      return;
    }
    if ((open.get(tag) ?? 0) === 0) return;
    while (stack.length > 1) {
      const closed = top().tag;
      pop();
      if (closed === tag) return;
    }
  };

  const tokenizer = new Tokenizer(
    { decodeEntities: true },
    {
      onopentagname(start, end) {
        tagName = html.slice(start, end).toLowerCase();
        attrs = {};
      },
      onattribname(start, end) {
        attrName = html.slice(start, end).toLowerCase();
        attrValue = '';
      },
      onattribdata(start, end) {
        attrValue += html.slice(start, end);
      },
      onattribentity(codepoint) {
        attrValue += String.fromCodePoint(codepoint);
      },
      onattribend(quote) {
        if (!(attrName in attrs)) attrs[attrName] = quote === QuoteType.NoValue ? '' : attrValue;
      },
      onopentagend() {
        openElement(tagName, attrs);
      },
      onselfclosingtag() {
        // HTML ignores the slash in <div/>; only void elements really self-close.
        openElement(tagName, attrs);
      },
      onclosetag(start, end) {
        closeElement(html.slice(start, end).toLowerCase());
      },
      ontext(start, end) {
        addText(html.slice(start, end));
      },
      ontextentity(codepoint) {
        addText(String.fromCodePoint(codepoint));
      },
      oncdata() {},
      oncomment() {},
      ondeclaration() {},
      onprocessinginstruction() {},
      onend() {},
    },
  );
  tokenizer.write(html);
  tokenizer.end();
  // An unclosed JSON-LD block or title at the end of a truncated page still counts.
  while (stack.length > 1) pop();
  return { root, jsonLd, title };
}

/** Whitespace-collapsed text of a subtree, iteratively (no recursion on hostile nesting). */
export function textOf(node: HtmlNode): string {
  if (typeof node === 'string') return collapse(node);
  const parts: string[] = [];
  const stack: HtmlNode[] = [node];
  while (stack.length > 0) {
    const next = stack.pop()!;
    if (typeof next === 'string') parts.push(next);
    else for (let i = next.children.length - 1; i >= 0; i--) stack.push(next.children[i]!);
  }
  return collapse(parts.join(''));
}

export function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** All elements of a subtree in document order, iteratively. */
export function* elements(root: HtmlElement): Generator<HtmlElement> {
  const stack: HtmlElement[] = [root];
  while (stack.length > 0) {
    const element = stack.pop()!;
    yield element;
    for (let i = element.children.length - 1; i >= 0; i--) {
      const child = element.children[i]!;
      if (typeof child !== 'string') stack.push(child);
    }
  }
}
