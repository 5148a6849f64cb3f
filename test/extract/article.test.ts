import assert from 'node:assert/strict';
import { test } from 'node:test';
import { extractArticle, ExtractError } from '../../src/extract/index.js';
import { stripMarkdown } from '../../src/extract/markdown.js';
import { toRawOffset } from '../../src/extract/normalize.js';
import type { ContentKind, RawDocument, RecordHints } from '../../src/types.js';

function doc(body: string, kind: ContentKind, extra: { url?: string; hints?: RecordHints; fetchedAt?: string } = {}): RawDocument {
  return {
    source: `test.${kind}`,
    url: extra.url ?? null,
    body,
    kind,
    raw: Buffer.from(body, 'utf8'),
    contentType: null,
    charset: null,
    fetchedAt: extra.fetchedAt ?? null,
    hints: extra.hints ?? {},
  };
}

const PASTED = [
  'Depot Fire Leaves Town Without Fuel',
  'By Marta Silva',
  'Share this article',
  'A fire at the fuel depot on the edge of Porto Novo burned for eleven hours, officials said.',
  'The blaze broke out at dawn on 8 July 2023. Yesterday\u2019s fire was the second at the site this year.',
  'Related Posts',
  'Five Tips For Summer Betting Wins',
].join('\n');

test('pasted text: clean text, title, byline, inferred date, language and offsets into the paragraphs', () => {
  const article = extractArticle(doc(PASTED, 'text'));
  assert.equal(
    article.text,
    'A fire at the fuel depot on the edge of Porto Novo burned for eleven hours, officials said.\n\n' +
      "The blaze broke out at dawn on 8 July 2023. Yesterday's fire was the second at the site this year.",
  );
  assert.equal(article.title, 'Depot Fire Leaves Town Without Fuel');
  assert.equal(article.byline, 'Marta Silva');
  assert.equal(article.published, '2023-07-09');
  assert.equal(article.publishedFrom, 'inferred');
  assert.equal(article.language, 'en');
  assert.equal(article.outlet, null);
  // The extracted text is the kept paragraphs joined by a blank line; the apostrophe was curly there.
  const extracted =
    'A fire at the fuel depot on the edge of Porto Novo burned for eleven hours, officials said.\n\n' +
    'The blaze broke out at dawn on 8 July 2023. Yesterday\u2019s fire was the second at the site this year.';
  const at = article.text.indexOf("Yesterday's");
  assert.equal(extracted.slice(toRawOffset(article.offsets, at), toRawOffset(article.offsets, at + 11)), 'Yesterday\u2019s');
});

test('the same content gets the same id from any source', () => {
  const a = extractArticle(doc(PASTED, 'text'));
  const b = extractArticle({ ...doc(PASTED.replace(/\n/g, '\r\n'), 'record'), source: 'feed.jsonl#3' });
  assert.equal(a.id, b.id);
});

test('record hints win over what the text suggests', () => {
  const article = extractArticle(
    doc(PASTED, 'record', {
      url: 'https://www.reuters.com/world/depot-fire',
      hints: { title: 'Fuel depot fire', outlet: 'Coast Wire', byline: 'By Rui Costa', published: '2023-07-09T06:00:00Z' },
    }),
  );
  assert.equal(article.title, 'Fuel depot fire');
  assert.equal(article.outlet, 'Coast Wire');
  assert.equal(article.byline, 'Rui Costa');
  assert.equal(article.published, '2023-07-09T06:00:00.000Z');
  assert.equal(article.publishedFrom, 'metadata');
  assert.equal(article.url, 'https://www.reuters.com/world/depot-fire');
});

test('the outlet comes from a known host before furniture text, and a URL date before inference', () => {
  const article = extractArticle(doc(PASTED, 'text', { url: 'https://www.bbc.co.uk/news/2023/07/10/depot' }));
  assert.equal(article.outlet, 'BBC');
  assert.equal(article.published, '2023-07-10');
  assert.equal(article.publishedFrom, 'url');
});

test('markdown syntax is stripped before cleaning', () => {
  const md = [
    '# Bridge Closed After Cracks Found',
    '',
    'Engineers found **deep cracks** in two piers of the [old bridge](https://example.org/bridge), the council said.',
    '',
    '![Cracked pier](pier.jpg)',
    '',
    '> The bridge will reopen once repairs are complete, a spokesperson said.',
    '',
    '```',
    'const notProse = true;',
    '```',
  ].join('\n');
  assert.equal(
    stripMarkdown(md),
    'Bridge Closed After Cracks Found\n\nEngineers found deep cracks in two piers of the old bridge, the council said.\n\n\n\nThe bridge will reopen once repairs are complete, a spokesperson said.\n',
  );
  const article = extractArticle(doc(md, 'markdown'));
  assert.equal(article.title, 'Bridge Closed After Cracks Found');
  assert.equal(
    article.text,
    'Engineers found deep cracks in two piers of the old bridge, the council said.\n\nThe bridge will reopen once repairs are complete, a spokesperson said.',
  );
});

test('HTML goes through the HTML extractor', () => {
  const html = `<!doctype html><html lang="en"><head><title>Depot fire | Coast Wire</title>
    <meta property="og:site_name" content="Coast Wire">
    <meta property="article:published_time" content="2023-07-09T07:30:00Z"></head>
    <body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
    <article><h1>Depot fire leaves town without fuel</h1>
    <p>A fire at the fuel depot on the edge of Porto Novo burned for eleven hours on Saturday, officials said, and the town\u2019s two petrol stations ran dry by the evening.</p>
    <p>Firefighters from three neighbouring districts were called in to help contain the blaze before it reached the storage tanks nearest the river.</p>
    <p>The cause of the fire is not yet known, and the depot\u2019s operator said it would cooperate fully with the investigation.</p>
    </article><footer>\u00A9 2023 Coast Wire</footer></body></html>`;
  const article = extractArticle(doc(html, 'html', { url: 'https://coastwire.example/2023/07/09/depot-fire' }));
  assert.match(article.text, /^A fire at the fuel depot/);
  assert.match(article.text, /the town's two petrol stations/);
  assert.equal(article.text.split('\n\n').length, 3);
  assert.equal(article.outlet, 'Coast Wire');
  assert.equal(article.published, '2023-07-09T07:30:00.000Z');
  assert.equal(article.publishedFrom, 'metadata');
  assert.equal(article.language, 'en');
});

test('documents without article text are refused with the reason', () => {
  assert.throws(() => extractArticle(doc('  \n ', 'text')), new ExtractError('empty document'));
  assert.throws(() => extractArticle(doc('\u0000\u0001\u0000PK\u0000\u0000', 'text')), new ExtractError('binary content, not text'));
  assert.throws(
    () => extractArticle(doc('Menu\nShare\nSubscribe to our newsletter\nAdvertisement', 'text')),
    new ExtractError('no article text found after removing boilerplate'),
  );
});

test('a record whose body is only a headline-like line keeps that line as its text', () => {
  const article = extractArticle(doc('Explosion reported near the central station', 'record', { hints: { title: 'Station blast' } }));
  assert.equal(article.text, 'Explosion reported near the central station');
  assert.equal(article.title, 'Station blast');
});

test('a large hostile document (many lines, long lines, markup-like junk) is extracted in bounded time', () => {
  const junk = Array.from({ length: 60_000 }, (_, i) =>
    i % 3 === 0 ? `Line ${i} of a very long page, with text that ends properly.` : i % 3 === 1 ? '<script>var x = "**[](" + i;</script>' : '(((((',
  ).join('\n');
  const began = performance.now();
  const article = extractArticle(doc(junk, 'markdown'));
  assert.ok(article.text.startsWith('Line 0 of a very long page'));
  // Linear work takes a few seconds even on a busy machine; anything quadratic would take hours.
  assert.ok(performance.now() - began < 30_000, `took ${Math.round(performance.now() - began)} ms`);
});
