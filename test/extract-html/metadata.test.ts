import assert from 'node:assert/strict';
import { test } from 'node:test';
import { extractHtml } from '../../src/extract/html/index.js';
import { dateFromUrl, normaliseDate } from '../../src/extract/html/published.js';
import { knownOutletForUrl } from '../../src/extract/outlet.js';

const body = '<body><article><p>Some article prose that is long enough to be chosen as the body of this test page.</p></article></body>';

test('JSON-LD supplies headline, date, authors and publisher when meta tags are absent', () => {
  const html = `<html><head><script type="application/ld+json">
    {"@context": "https://schema.org", "@graph": [
      {"@type": "WebSite", "name": "Not The Article"},
      {"@type": "NewsArticle", "headline": "Bridge closed after collision",
       "datePublished": "2024-03-22T18:05:00+03:00",
       "author": [{"@type": "Person", "name": "Ola Brandt"}, {"@type": "Person", "name": "Sam Idris"}],
       "publisher": {"@type": "Organization", "name": "Valley Post"}}]}
  </script></head>${body}</html>`;
  const result = extractHtml(html, 'https://valleypost.example/story/bridge');
  assert.equal(result.title, 'Bridge closed after collision');
  assert.equal(result.published, '2024-03-22T15:05:00.000Z');
  assert.equal(result.publishedFrom, 'metadata');
  assert.equal(result.byline, 'Ola Brandt, Sam Idris');
  assert.equal(result.outlet, 'Valley Post');
  assert.equal(result.url, 'https://valleypost.example/story/bridge');
});

test('Open Graph and article meta tags, canonical link and html lang', () => {
  const html = `<html lang="ru-RU"><head>
    <meta property="og:title" content="Station reopens after alert">
    <meta property="og:site_name" content="Metro Daily">
    <meta property="article:published_time" content="2024-03-23">
    <meta name="author" content="Dana Voss">
    <link rel="canonical" href="/2024/03/23/station-reopens">
  </head>${body}</html>`;
  const result = extractHtml(html, 'https://metrodaily.example/amp/123?utm=x');
  assert.deepEqual(
    { ...result, text: undefined },
    {
      title: 'Station reopens after alert',
      text: undefined,
      byline: 'Dana Voss',
      outlet: 'Metro Daily',
      published: '2024-03-23',
      publishedFrom: 'metadata',
      language: 'ru',
      url: 'https://metrodaily.example/2024/03/23/station-reopens',
    },
  );
});

test('the <title> loses its " | Site" suffix; outlet falls back to the host name; date falls back to the URL', () => {
  const html = `<html><head><title>Power cut hits eastern districts | Evening Ledger</title></head>${body}</html>`;
  const result = extractHtml(html, 'https://www.ledger.example/2024/03/22/power-cut/');
  assert.equal(result.title, 'Power cut hits eastern districts');
  assert.equal(result.outlet, 'ledger.example');
  assert.equal(result.published, '2024-03-22');
  assert.equal(result.publishedFrom, 'url');
  assert.equal(result.language, null);
});

test('with no outlet in the page, a known news host gives the outlet\'s name from the outlet table', () => {
  const url = 'https://www.reuters.com/world/some-story';
  const known = knownOutletForUrl(url);
  assert.ok(known, 'reuters.com is in the outlet table');
  assert.equal(extractHtml(`<html>${body}</html>`, url).outlet, known);
});

test('a <time datetime> in the article header and a byline element are used when nothing better exists', () => {
  const html = `<html><body><article><header><h1>Curfew lifted in old town</h1>
    <span class="byline">By Lee Okafor</span><time datetime="2024-03-25T08:30:00Z">25 March</time></header>
    <p>Some article prose that is long enough to be chosen as the body of this test page.</p></article></body></html>`;
  const result = extractHtml(html);
  assert.equal(result.title, 'Curfew lifted in old town');
  assert.equal(result.byline, 'Lee Okafor');
  assert.equal(result.published, '2024-03-25T08:30:00.000Z');
  assert.equal(result.publishedFrom, 'metadata');
  assert.equal(result.text, 'Some article prose that is long enough to be chosen as the body of this test page.');
});

test('broken JSON-LD and a profile URL as author are ignored', () => {
  const html = `<html><head><script type="application/ld+json">{"@type": "NewsArticle", "headline": </script>
    <meta name="author" content="https://social.example/someone"><title>Quiet night</title></head>${body}</html>`;
  const result = extractHtml(html);
  assert.equal(result.title, 'Quiet night');
  assert.equal(result.byline, null);
  assert.equal(result.published, null);
  assert.equal(result.publishedFrom, null);
  assert.equal(result.url, null);
});

test('normaliseDate reads ISO, compact, epoch and English dates and rejects nonsense', () => {
  assert.equal(normaliseDate('2024-03-22'), '2024-03-22');
  assert.equal(normaliseDate('2024-02-30'), null);
  assert.equal(normaliseDate('20240322T101500Z'), '2024-03-22T10:15:00.000Z');
  assert.equal(normaliseDate('1711101600'), '2024-03-22T10:00:00.000Z');
  assert.equal(normaliseDate('March 22, 2024 10:00 UTC'), '2024-03-22T10:00:00.000Z');
  assert.equal(normaliseDate('yesterday'), null);
  assert.equal(normaliseDate('1850-01-01'), null);
});

test('dateFromUrl finds day and month dates in paths but not in ids', () => {
  assert.equal(dateFromUrl('https://x.example/2024/03/22/story'), '2024-03-22');
  assert.equal(dateFromUrl('https://x.example/news/2024-03-22-story'), '2024-03-22');
  assert.equal(dateFromUrl('https://x.example/2024/03/story.html'), '2024-03');
  assert.equal(dateFromUrl('https://x.example/article/920240322117'), null);
  assert.equal(dateFromUrl('https://x.example/2024/13/40/story'), null);
  assert.equal(dateFromUrl('not a url'), null);
});
