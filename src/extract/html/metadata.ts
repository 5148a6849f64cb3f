// Article metadata from the page: title, publication date (and where it came from), byline, outlet,
// language and canonical URL. Reads <meta>, <link>, <time>, JSON-LD and the page URL; never the body prose.
import { readFileSync } from 'node:fs';
import { packagePath } from '../../paths.js';
import { hostName, knownOutletForUrl } from '../outlet.js';
import { readJsonLd, type JsonLdArticle } from './jsonld.js';
import { dateFromUrl, normaliseDate } from './published.js';
import { collapse, elements, textOf, type HtmlElement, type ParsedPage } from './tree.js';

export interface PageMetadata {
  title: string | null;
  byline: string | null;
  outlet: string | null;
  published: string | null;
  publishedFrom: 'metadata' | 'url' | null;
  language: string | null;
  url: string | null;
  /** JSON-LD articleBody, a hint and fallback for the body text. */
  articleBody: string | null;
}

const MAX_BYLINE_CANDIDATES = 8;

interface MetaKeys {
  title: string[];
  published: string[];
  byline: string[];
  outlet: string[];
  language: string[];
  url: string[];
  titleSeparators: string[];
  bylineClassPattern: string;
}

let keys: MetaKeys | null = null;
function metaKeys(): MetaKeys {
  keys ??= JSON.parse(readFileSync(packagePath('src/extract/html/data/metadata.json'), 'utf8')) as MetaKeys;
  return keys;
}

/** What one pass over the tree finds: meta values by lower-cased name/property/itemprop, and a few elements. */
interface PageFacts {
  meta: Map<string, string>;
  htmlLang: string | null;
  canonical: string | null;
  relAuthor: string | null;
  bylineText: string | null;
  headerTime: string | null;
  h1: string | null;
}

export function readMetadata(page: ParsedPage, pageUrl: string | null): PageMetadata {
  const k = metaKeys();
  const facts = scanPage(page.root, new RegExp(k.bylineClassPattern, 'i'));
  const ld = readJsonLd(page.jsonLd);
  const pick = (names: string[]): string | null => {
    for (const name of names) {
      const value = facts.meta.get(name);
      if (value) return value;
    }
    return null;
  };
  const url = absoluteUrl(facts.canonical, pageUrl) ?? absoluteUrl(pick(k.url), pageUrl) ?? absoluteUrl(pageUrl, null);
  // When the page names no outlet, the host does: a known outlet's name for it, else the bare host name.
  const siteUrl = url ?? pageUrl;
  const outlet = clean(pick(k.outlet)) ?? clean(ld?.publisher ?? null) ?? knownOutletForUrl(siteUrl) ?? hostName(siteUrl);
  return {
    title: chooseTitle(pick(k.title), ld, page.title, facts.h1, outlet, k.titleSeparators),
    byline: chooseByline(ld, pick(k.byline), facts),
    outlet,
    ...choosePublished(ld, pick(k.published), facts.headerTime, url, pageUrl),
    language: languageCode(facts.htmlLang) ?? languageCode(pick(k.language)) ?? languageCode(ld?.language ?? null),
    url,
    articleBody: ld?.articleBody ?? null,
  };
}

function scanPage(root: HtmlElement, bylineClass: RegExp): PageFacts {
  const facts: PageFacts = { meta: new Map(), htmlLang: null, canonical: null, relAuthor: null, bylineText: null, headerTime: null, h1: null };
  let firstTime: string | null = null;
  let bylineCandidates = 0;
  for (const element of elements(root)) {
    const { tag, attrs } = element;
    if (tag === 'meta') {
      const name = (attrs.property ?? attrs.name ?? attrs.itemprop ?? attrs['http-equiv'])?.toLowerCase();
      const content = attrs.content ?? attrs.datetime;
      if (name && content && !facts.meta.has(name)) facts.meta.set(name, content);
    } else if (tag === 'html') {
      facts.htmlLang ??= attrs.lang ?? attrs['xml:lang'] ?? null;
    } else if (tag === 'link') {
      const rel = attrs.rel?.toLowerCase() ?? '';
      if (rel === 'canonical') facts.canonical ??= attrs.href ?? null;
    } else if (tag === 'time' && attrs.datetime) {
      // A <time> marked as the publication date, or else the first one inside an article or its header.
      if (attrs.itemprop === 'datePublished' || 'pubdate' in attrs) facts.headerTime ??= attrs.datetime;
      else if (firstTime === null && hasAncestor(element, /^(article|header)$/)) firstTime = attrs.datetime;
    } else if (tag === 'h1') {
      facts.h1 ??= textOf(element) || null;
    }
    if (attrs.rel === 'author' || attrs.itemprop === 'author') facts.relAuthor ??= textOf(element) || null;
    else if (facts.bylineText === null && bylineCandidates < MAX_BYLINE_CANDIDATES && bylineClass.test(`${attrs.class ?? ''} ${attrs.id ?? ''}`)) {
      // Each candidate's text is read in full, so only a few are tried (nested byline wrappers are common).
      bylineCandidates++;
      const text = textOf(element);
      if (text.length > 0 && text.length <= 120) facts.bylineText = text;
    }
  }
  facts.headerTime ??= firstTime;
  return facts;
}

function hasAncestor(element: HtmlElement, tags: RegExp): boolean {
  for (let e = element.parent; e; e = e.parent) if (tags.test(e.tag)) return true;
  return false;
}

function chooseTitle(
  metaTitle: string | null,
  ld: JsonLdArticle | null,
  titleTag: string | null,
  h1: string | null,
  outlet: string | null,
  separators: string[],
): string | null {
  for (const candidate of [metaTitle, ld?.headline ?? null, titleTag, h1]) {
    const title = clean(candidate);
    if (title) return stripSiteName(title, outlet, separators);
  }
  return null;
}

/** "Headline | Site" -> "Headline": drop a trailing (or leading) segment that names the site or is much shorter. */
function stripSiteName(title: string, outlet: string | null, separators: string[]): string {
  for (const separator of separators) {
    const at = title.lastIndexOf(separator);
    if (at <= 0) continue;
    const head = title.slice(0, at).trim();
    const tail = title.slice(at + separator.length).trim();
    const site = outlet?.toLowerCase();
    if (site && tail.toLowerCase() === site) return head;
    if (site && head.toLowerCase() === site) return tail;
    // After a pipe almost anything short is the site's name; after a dash it may be part of the headline.
    const shortTail = separator.trim() === '|' ? tail.length < head.length : tail.length * 3 <= head.length;
    if (shortTail && tail.split(' ').length <= 5) return head;
  }
  return title;
}

function chooseByline(ld: JsonLdArticle | null, metaAuthor: string | null, facts: PageFacts): string | null {
  const fromLd = ld && ld.authors.length > 0 ? ld.authors.join(', ') : null;
  // Some sites put a profile URL where the author's name belongs.
  const fromMeta = metaAuthor && !/^https?:\/\//.test(metaAuthor) ? metaAuthor : null;
  for (const candidate of [fromLd, fromMeta, facts.relAuthor, facts.bylineText]) {
    const byline = clean(candidate)?.replace(/^by\s+/i, '');
    if (byline) return byline;
  }
  return null;
}

function choosePublished(
  ld: JsonLdArticle | null,
  metaDate: string | null,
  headerTime: string | null,
  url: string | null,
  pageUrl: string | null,
): Pick<PageMetadata, 'published' | 'publishedFrom'> {
  for (const candidate of [ld?.datePublished ?? null, metaDate, headerTime]) {
    const iso = candidate ? normaliseDate(candidate) : null;
    if (iso) return { published: iso, publishedFrom: 'metadata' };
  }
  for (const candidate of [pageUrl, url]) {
    const iso = candidate ? dateFromUrl(candidate) : null;
    if (iso) return { published: iso, publishedFrom: 'url' };
  }
  return { published: null, publishedFrom: null };
}

/** The primary subtag of a language tag, if it is a two-letter ISO 639-1 code: "en-GB", "en_US" -> "en". */
function languageCode(tag: string | null): string | null {
  const primary = tag?.trim().toLowerCase().split(/[-_]/)[0];
  return primary && /^[a-z]{2}$/.test(primary) ? primary : null;
}

function absoluteUrl(href: string | null, base: string | null): string | null {
  if (!href) return null;
  try {
    const url = base ? new URL(href.trim(), base) : new URL(href.trim());
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

function clean(value: string | null): string | null {
  if (value === null) return null;
  const text = collapse(value);
  return text === '' ? null : text;
}
