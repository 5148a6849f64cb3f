// Reads schema.org JSON-LD blocks and picks the article-like object (NewsArticle, BlogPosting…) with the
// fields the extractor uses. Malformed blocks are skipped, never fatal.

export interface JsonLdArticle {
  headline: string | null;
  datePublished: string | null;
  authors: string[];
  publisher: string | null;
  articleBody: string | null;
  url: string | null;
  language: string | null;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const ARTICLE_TYPE = /article|posting|report|blog/i;
/** Nodes visited per page at most: JSON-LD can be huge or self-repeating. */
const MAX_NODES = 5000;

export function readJsonLd(blocks: readonly string[]): JsonLdArticle | null {
  const objects: JsonObject[] = [];
  for (const block of blocks) {
    const parsed = parseLenient(block);
    if (parsed !== undefined) collectObjects(parsed, objects);
  }
  const article = objects.find((o) => typeNames(o).some((t) => ARTICLE_TYPE.test(t)))
    ?? objects.find((o) => typeof o.headline === 'string');
  if (!article) return null;
  return {
    headline: stringOf(article.headline),
    datePublished: stringOf(article.datePublished) ?? stringOf(article.dateCreated),
    authors: namesOf(article.author),
    publisher: namesOf(article.publisher)[0] ?? null,
    articleBody: stringOf(article.articleBody),
    url: stringOf(article.url) ?? idOf(article.mainEntityOfPage),
    language: stringOf(article.inLanguage),
  };
}

function parseLenient(text: string): Json | undefined {
  // Pages wrap JSON-LD in HTML comments or CDATA markers and leave raw newlines inside strings.
  const cleaned = text
    .replace(/^\s*(<!--|\/\*\s*<!\[CDATA\[\s*\*\/)/, '')
    .replace(/(-->|\/\*\s*\]\]>\s*\*\/)\s*$/, '')
    .replace(/[\u0000-\u001f]+/g, ' ');
  try {
    return JSON.parse(cleaned) as Json;
  } catch {
    return undefined;
  }
}

function collectObjects(root: Json, out: JsonObject[]): void {
  const stack: Json[] = [root];
  let visited = 0;
  while (stack.length > 0 && visited++ < MAX_NODES) {
    const value = stack.pop()!;
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) stack.push(value[i]!);
    } else if (value !== null && typeof value === 'object') {
      out.push(value);
      const graph = value['@graph'];
      if (graph !== undefined) stack.push(graph);
    }
  }
}

function typeNames(object: JsonObject): string[] {
  const type = object['@type'];
  if (typeof type === 'string') return [type];
  return Array.isArray(type) ? type.filter((t): t is string => typeof t === 'string') : [];
}

function stringOf(value: Json | undefined): string | null {
  if (typeof value === 'string') return value.trim() || null;
  if (Array.isArray(value)) return stringOf(value[0]);
  return null;
}

function idOf(value: Json | undefined): string | null {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object' && !Array.isArray(value)) return stringOf(value['@id']) ?? stringOf(value.url);
  return null;
}

function namesOf(value: Json | undefined): string[] {
  const list = Array.isArray(value) ? value : value === undefined ? [] : [value];
  const names: string[] = [];
  for (const item of list) {
    const name = typeof item === 'string' ? item : item && typeof item === 'object' && !Array.isArray(item) ? stringOf(item.name) : null;
    if (name && !names.includes(name.trim())) names.push(name.trim());
  }
  return names;
}
