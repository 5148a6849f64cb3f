import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { defaultReadOptions, readInputs, type ReadOptions } from '../../src/ingest/index.js';
import { parseFeed } from '../../src/ingest/feed.js';
import { collect, startServer, type LocalServer } from './local-server.js';

const opts: ReadOptions = { ...defaultReadOptions, allowPrivate: true, timeoutMs: 2000 };
const longParagraph = 'Rescue teams worked through the night to reach passengers trapped below deck. '.repeat(8).trim();
const articlePage = '<html><body><article><p>The harbour master confirmed that both ferries had been towed to port.</p></article></body></html>';

let server: LocalServer;
let dir: string;

const rss = (base: string): string => `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
  <title>Harbour Watch</title>
  <link>${base}/</link>
  <item>
    <title>Ferries collide off the coast</title>
    <link>${base}/ferries</link>
    <pubDate>Tue, 19 Mar 2024 06:30:00 GMT</pubDate>
    <dc:creator>Ines Duarte</dc:creator>
    <description>Short teaser.</description>
    <content:encoded><![CDATA[<p>Two ferries collided off the coast on Tuesday.</p>]]></content:encoded>
  </item>
  <item>
    <title>Item that is only a pointer</title>
    <guid isPermaLink="false">tag:harbour,2024:2</guid>
  </item>
  <item>
    <title>Towing completed</title>
    <link>${base}/towing</link>
    <pubDate>Wed, 20 Mar 2024 09:00:00 +0100</pubDate>
    <author>desk@harbour.example (Night Desk)</author>
    <description>Both vessels are in port.</description>
  </item>
  <item>
    <title>Long description</title>
    <link>${base}/long</link>
    <description>&lt;p&gt;${longParagraph}&lt;/p&gt;</description>
  </item>
  <item>
    <title>Link that is gone</title>
    <link>${base}/gone</link>
  </item>
</channel>
</rss>`;

const atom = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Coast Guard Bulletins</title>
  <entry>
    <title type="text">Search called off</title>
    <link rel="self" href="https://bulletins.example/api/7"/>
    <link rel="alternate" href="https://bulletins.example/7"/>
    <updated>2024-03-21T10:00:00Z</updated>
    <published>2024-03-21T08:15:00+01:00</published>
    <author><name>Press Office</name></author>
    <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>The search ended at <b>noon</b> &amp; crews returned.</p><br/></div></content>
  </entry>
  <entry>
    <title>Plain update</title>
    <link href="https://bulletins.example/8"/>
    <content type="text">Crews stood down at 14:00 &lt;local time&gt;.</content>
  </entry>
  <entry>
    <title>Cut off mid-entry</title>
    <content type="html">&lt;p&gt;The feed was trunc`;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sitrep-ingest-feed-'));
  server = await startServer({
    '/feed': (_req, res) => res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(rss(server.base)),
    '/towing': (_req, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(articlePage),
  });
});
after(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('RSS', () => {
  it('yields one document per item: inline content when substantial, else the fetched link; broken items as errors', async () => {
    const { docs, errors } = await collect(readInputs([`${server.base}/feed`], opts));
    const feed = `${server.base}/feed`;
    assert.deepEqual(errors, [
      { source: `${feed}#2`, reason: 'item has no content and no link' },
      { source: `${feed}#5`, reason: 'HTTP 404' },
    ]);
    assert.deepEqual(docs.map((d) => [d.source, d.kind, d.url, d.body.slice(0, 40)]), [
      [`${feed}#1`, 'html', `${server.base}/ferries`, '<p>Two ferries collided off the coast on'],
      [`${feed}#3`, 'html', `${server.base}/towing`, articlePage.slice(0, 40)],
      [`${feed}#4`, 'html', `${server.base}/long`, `<p>${longParagraph.slice(0, 37)}`],
    ]);
    assert.deepEqual(docs[0].hints, {
      title: 'Ferries collide off the coast',
      published: '2024-03-19T06:30:00.000Z',
      byline: 'Ines Duarte',
      outlet: 'Harbour Watch',
      url: `${server.base}/ferries`,
    });
    assert.deepEqual(docs[1].hints, {
      title: 'Towing completed',
      published: '2024-03-20T08:00:00.000Z',
      byline: 'Night Desk',
      outlet: 'Harbour Watch',
      url: `${server.base}/towing`,
    });
    assert.equal(docs[1].body, articlePage);
    assert.equal(docs[1].contentType, 'text/html');
    assert.equal(docs[2].body, `<p>${longParagraph}</p>`);
    assert.equal(server.hits.get('/ferries'), undefined, 'an item with content is not fetched');
  });

  it('reads a feed from a file, detected by content whatever its name', async () => {
    const path = join(dir, 'saved-feed.txt');
    writeFileSync(path, rss('https://harbour.example'));
    const { docs } = await collect(readInputs([path], { ...opts, allowPrivate: false }));
    assert.deepEqual(docs[0].source, `${path}#1`);
    assert.equal(docs[0].hints.outlet, 'Harbour Watch');
  });
});

describe('Atom', () => {
  it('reads entries: alternate link, published over updated, author name, xhtml and text content', () => {
    const entries = parseFeed(atom);
    assert.deepEqual(entries, [
      {
        n: 1,
        hints: {
          title: 'Search called off',
          published: '2024-03-21T07:15:00.000Z',
          byline: 'Press Office',
          outlet: 'Coast Guard Bulletins',
          url: 'https://bulletins.example/7',
        },
        content: { body: '<div xmlns="http://www.w3.org/1999/xhtml"><p>The search ended at <b>noon</b> &amp; crews returned.</p><br /></div>', kind: 'html' },
        link: 'https://bulletins.example/7',
      },
      {
        n: 2,
        hints: { title: 'Plain update', outlet: 'Coast Guard Bulletins', url: 'https://bulletins.example/8' },
        content: { body: 'Crews stood down at 14:00 <local time>.', kind: 'text' },
        link: 'https://bulletins.example/8',
      },
      { n: 3, error: 'feed ends inside this item (truncated)' },
    ]);
  });
});

describe('hostile XML', () => {
  const laughs = `<?xml version="1.0"?>
<!DOCTYPE rss [
  <!ENTITY lol "lol">
  <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
  <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
]>
<rss version="2.0"><channel><item><title>&lol3;</title><description>&lol3;</description></item></channel></rss>`;
  const external = `<?xml version="1.0"?>
<!DOCTYPE feed [ <!ENTITY secret SYSTEM "file:///etc/passwd"> ]>
<feed xmlns="http://www.w3.org/2005/Atom"><entry><title>&secret;</title><content>&secret;</content></entry></feed>`;

  it('refuses billion laughs and external entities, and reads the next input', async () => {
    const files = ['laughs.xml', 'external.rss', 'after.txt'].map((name) => join(dir, name));
    writeFileSync(files[0], laughs);
    writeFileSync(files[1], external);
    writeFileSync(files[2], 'Still read.');
    const { docs, errors } = await collect(readInputs(files, opts));
    assert.deepEqual(errors, [
      { source: files[0], reason: 'XML declares entities (DOCTYPE) — refused' },
      { source: files[1], reason: 'XML declares entities (DOCTYPE) — refused' },
    ]);
    assert.deepEqual(docs.map((d) => d.body), ['Still read.']);
  });

  it('accepts a DOCTYPE without entity declarations (old RSS 0.91)', () => {
    const old = '<?xml version="1.0"?><!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "http://my.netscape.com/publish/formats/rss-0.91.dtd"><rss version="0.91"><channel><title>Old</title><item><title>A</title><link>https://old.example/a</link></item></channel></rss>';
    assert.deepEqual(parseFeed(old), [{ n: 1, hints: { title: 'A', outlet: 'Old', url: 'https://old.example/a' }, content: null, link: 'https://old.example/a' }]);
  });

  it('says so when an .xml file is not a feed', async () => {
    const path = join(dir, 'sitemap.xml');
    writeFileSync(path, '<?xml version="1.0"?><urlset><url><loc>https://x.example/</loc></url></urlset>');
    const { errors } = await collect(readInputs([path], opts));
    assert.deepEqual(errors, [{ source: path, reason: 'XML document is not an RSS or Atom feed' }]);
  });
});
