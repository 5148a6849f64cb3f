// RSS 2.0, RSS 1.0 and Atom -> one entry per item: its metadata, and either its inline content or the link
// to fetch. Pure: text in, entries out. A DOCTYPE declaring entities is refused outright instead of parsed,
// which closes the billion-laughs and external-entity doors whatever the XML library would have done.
import sax from 'sax';
import type { RecordHints } from '../types.js';
import { InputFailure } from './failure.js';
import { bylineFromAuthor, cleanHint, isHttpLink, normalizePublished } from './hints.js';

export interface InlineContent {
  body: string;
  kind: 'html' | 'text';
}

export type FeedEntry =
  | { n: number; hints: RecordHints; content: InlineContent; link: string | null }
  | { n: number; hints: RecordHints; content: null; link: string }
  | { n: number; error: string };

/** A description shorter than this (in characters of text, tags aside) is a teaser: fetch the article. */
const SUBSTANTIAL_TEXT_CHARS = 500;

const ITEM_ELEMENTS = new Set(['item', 'entry']);
const FEED_ELEMENTS = new Set(['rss', 'feed', 'rdf:rdf']);
const CAPTURED_FIELDS = new Set([
  'title', 'link', 'guid', 'description', 'summary', 'content', 'content:encoded',
  'pubdate', 'published', 'updated', 'dc:date', 'author', 'dc:creator',
]);

interface Capture {
  field: string;
  parts: string[];
  /** Atom type="xhtml": the content is markup, so its text must be re-escaped when written back. */
  xhtml: boolean;
  /** Elements open inside the captured field, and whether each was self-closing. */
  nested: boolean[];
}

interface ItemFields {
  n: number;
  depth: number;
  fields: Map<string, string>;
  contentType: string | null;
  atomLink: string | null;
}

const escapeXml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
// [^<>] rather than [^>]: a run of unclosed '<' must not make these scans quadratic.
const textLength = (html: string): number => html.replace(/<[^<>]*>/g, ' ').replace(/\s+/g, ' ').trim().length;
const hasMarkup = (s: string): boolean => /<[a-z][^<>]*>/i.test(s);

function inlineContent(item: ItemFields): InlineContent | null {
  const full = item.fields.get('content:encoded') ?? item.fields.get('content');
  if (full?.trim()) {
    const kind = item.contentType === 'text' || (item.contentType === null && !hasMarkup(full)) ? 'text' : 'html';
    return { body: full, kind };
  }
  const summary = item.fields.get('description') ?? item.fields.get('summary');
  if (!summary?.trim()) return null;
  return { body: summary, kind: hasMarkup(summary) ? 'html' : 'text' };
}

/** Atom nests the name (<author><name>..</name><email>..</email></author>); RSS has the text itself. */
function atomAuthorName(author: string | undefined): string | undefined {
  if (author === undefined) return undefined;
  const start = author.indexOf('<name>');
  const end = start === -1 ? -1 : author.indexOf('</name>', start);
  return end === -1 ? author : author.slice(start + '<name>'.length, end);
}

function finishItem(item: ItemFields, outlet: string | undefined): FeedEntry {
  const f = item.fields;
  const guid = f.get('guid');
  const link = cleanHint(f.get('link')) ?? item.atomLink ?? (isHttpLink(cleanHint(guid)) ? cleanHint(guid) : undefined);
  const hints: RecordHints = {};
  const add = (key: keyof RecordHints, value: string | undefined): void => {
    if (value) hints[key] = value;
  };
  add('title', cleanHint(f.get('title')));
  add('published', normalizePublished(f.get('published') ?? f.get('pubdate') ?? f.get('dc:date') ?? f.get('updated')));
  add('byline', cleanHint(f.get('dc:creator')) ?? bylineFromAuthor(atomAuthorName(f.get('author'))));
  add('outlet', outlet);
  add('url', isHttpLink(link) ? link : undefined);

  const content = inlineContent(item);
  if (content && (f.has('content:encoded') || f.has('content') || textLength(content.body) >= SUBSTANTIAL_TEXT_CHARS)) {
    return { n: item.n, hints, content, link: hints.url ?? null };
  }
  if (hints.url) return { n: item.n, hints, content: null, link: hints.url };
  if (content) return { n: item.n, hints, content, link: null };
  if (link) return { n: item.n, error: `item link is not an http(s) URL: ${link.slice(0, 200)}` };
  return { n: item.n, error: 'item has no content and no link' };
}

/** Parses a feed; throws InputFailure when it is not a feed or declares entities. */
export function parseFeed(xml: string): FeedEntry[] {
  const parser = sax.parser(false, { lowercase: true, trim: false, normalize: false });
  const entries: FeedEntry[] = [];
  const stack: string[] = [];
  let sawFeedRoot = false;
  let outlet: string | undefined;
  let item: ItemFields | null = null;
  let capture: Capture | null = null;
  let count = 0;

  parser.onerror = () => parser.resume(); // feeds in the wild are sloppy; sax recovers well enough
  parser.ondoctype = (doctype) => {
    if (/<!ENTITY/i.test(doctype)) throw new InputFailure('XML declares entities (DOCTYPE) — refused');
  };
  parser.onopentag = (node) => {
    const name = node.name;
    const attrs = node.attributes as Record<string, string>;
    if (capture) {
      const attrText = Object.entries(attrs).map(([k, v]) => ` ${k}="${escapeXml(v).replace(/"/g, '&quot;')}"`).join('');
      capture.parts.push(`<${name}${attrText}${node.isSelfClosing ? ' /' : ''}>`);
      capture.nested.push(node.isSelfClosing);
      return;
    }
    stack.push(name);
    if (FEED_ELEMENTS.has(name)) sawFeedRoot = true;
    if (!item && ITEM_ELEMENTS.has(name)) {
      item = { n: ++count, depth: stack.length, fields: new Map(), contentType: null, atomLink: null };
    } else if (item && name === 'link' && attrs.href && (!attrs.rel || attrs.rel === 'alternate')) {
      item.atomLink ??= attrs.href;
    }
    const isOutletTitle = !item && name === 'title' && outlet === undefined && ['channel', 'feed'].includes(stack[stack.length - 2]);
    if ((item && CAPTURED_FIELDS.has(name)) || isOutletTitle) {
      if (item && name === 'content') item.contentType = attrs.type?.toLowerCase() ?? null;
      capture = { field: name, parts: [], xhtml: attrs.type?.toLowerCase() === 'xhtml', nested: [] };
    }
  };
  const onText = (text: string): void => {
    if (capture) capture.parts.push(capture.xhtml ? escapeXml(text) : text);
  };
  parser.ontext = onText;
  parser.oncdata = onText;
  parser.onclosetag = (name) => {
    if (capture && capture.nested.length > 0) {
      if (!capture.nested.pop()) capture.parts.push(`</${name}>`);
      return;
    }
    if (capture) {
      const value = capture.parts.join('');
      if (item) {
        if (!item.fields.has(capture.field)) item.fields.set(capture.field, value);
      } else outlet = cleanHint(value);
      capture = null;
    }
    if (item && stack.length === item.depth) {
      entries.push(finishItem(item, outlet));
      item = null;
    }
    stack.pop();
  };

  parser.write(xml).close();
  if (!sawFeedRoot) throw new InputFailure('XML document is not an RSS or Atom feed');
  if (item !== null) entries.push({ n: (item as ItemFields).n, error: 'feed ends inside this item (truncated)' });
  return entries;
}
