import assert from 'node:assert/strict';
import { test } from 'node:test';
import { extractHtml } from '../../src/extract/html/index.js';

// A hand-written news page: the article sits among a menu, a share bar, a cookie banner, a related-stories
// list, teaser cards and a footer, all of which must be left out.
const page = `<!doctype html>
<html lang="en-GB"><head><title>Harbour depot fire under investigation | Coastal Courier</title></head>
<body>
<div class="cookie-banner"><p>We use cookies to improve your experience. Accept all cookies to continue.</p></div>
<header class="site-header"><a href="/">Coastal Courier</a></header>
<nav><ul><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li><li><a href="/weather">Weather</a></li></ul></nav>
<main>
  <article>
    <h1>Harbour depot fire under investigation</h1>
    <div class="byline">By Mira Tallis</div>
    <div class="share-tools"><a href="#">Share on Facebook</a> <a href="#">Share on X</a></div>
    <div class="article-body">
      <p>A fire that broke out at a fuel depot near the northern harbour late on Tuesday is being treated as
         deliberate, the regional fire service said on Wednesday morning.</p>
      <p>Crews spent six hours bringing the blaze under control, and two warehouse workers were treated for
         smoke inhalation at the scene, according to a spokesperson.</p>
      <div class="ad-slot">Advertisement</div>
      <h2>What investigators know</h2>
      <p>Investigators are examining <a href="/cctv">camera footage</a> from a neighbouring car park, where
         witnesses reported seeing two people leave shortly before the alarm was raised.</p>
      <ul>
        <li>The depot held about 40,000 litres of diesel.</li>
        <li>Nearby homes were evacuated for the night.</li>
      </ul>
      <blockquote>We are keeping an open mind about how this started, said the chief fire officer.</blockquote>
      <p>Read more: <a href="/other">Port traffic resumes after storm</a></p>
      <p>The harbour authority said shipping had not been affected and the depot would stay closed until the
         site was declared safe.</p>
    </div>
    <div class="related-stories"><h3>Related</h3><ul>
      <li><a href="/a">Warehouse roof collapses in high winds</a></li>
      <li><a href="/b">Council approves new harbour wall</a></li></ul></div>
  </article>
  <ul class="teasers">
    <li><h3><a href="/c">Ferry timetable changes for winter</a></h3><p>Operators have announced a reduced service from November,
      with fewer crossings on weekdays and none at all on public holidays, passengers were told.</p></li>
  </ul>
</main>
<footer><p>Copyright 2024 Coastal Courier. All rights reserved.</p></footer>
<script>window.tracker = { page: "article" }; document.write("<p>injected</p>");</script>
</body></html>`;

test('keeps the article paragraphs, subheading, list and quote, in order, with collapsed whitespace', () => {
  assert.equal(
    extractHtml(page, 'https://courier.example/news/depot-fire').text,
    [
      'A fire that broke out at a fuel depot near the northern harbour late on Tuesday is being treated as deliberate, the regional fire service said on Wednesday morning.',
      'Crews spent six hours bringing the blaze under control, and two warehouse workers were treated for smoke inhalation at the scene, according to a spokesperson.',
      'What investigators know',
      'Investigators are examining camera footage from a neighbouring car park, where witnesses reported seeing two people leave shortly before the alarm was raised.',
      'The depot held about 40,000 litres of diesel.',
      'Nearby homes were evacuated for the night.',
      'We are keeping an open mind about how this started, said the chief fire officer.',
      'The harbour authority said shipping had not been affected and the depot would stay closed until the site was declared safe.',
    ].join('\n\n'),
  );
});

test('drops navigation, share, cookie, advert, related, teaser and footer blocks', () => {
  const { text } = extractHtml(page);
  for (const furniture of ['Sport', 'Share on', 'cookies', 'Advertisement', 'Read more', 'Warehouse roof', 'Ferry timetable', 'Copyright', 'injected', 'By Mira']) {
    assert.ok(!text.includes(furniture), `"${furniture}" should not be in the text`);
  }
});

test('line breaks split paragraphs and table cells do not run together', () => {
  const html = `<html><body><div class="post-content">
    <p>The first line of a long statement from the port operator, read out to reporters on the quay at noon.<br>
    The second line of that statement, which went on to thank the emergency services for their quick work.</p>
    <table><tr><th>Unit</th><th>Arrived</th></tr><tr><td>Engine 4</td><td>22:10</td></tr></table>
    <p>A third paragraph long enough to count as prose, describing the aftermath of the incident in some detail.</p>
  </div></body></html>`;
  assert.equal(
    extractHtml(html).text,
    [
      'The first line of a long statement from the port operator, read out to reporters on the quay at noon.',
      'The second line of that statement, which went on to thank the emergency services for their quick work.',
      'Unit Arrived',
      'Engine 4 22:10',
      'A third paragraph long enough to count as prose, describing the aftermath of the incident in some detail.',
    ].join('\n\n'),
  );
});

test('hidden elements are not text', () => {
  const html = `<html><body><article>
    <p>Visible prose about the evacuation of the quarter, long enough to be taken for the article body.</p>
    <p style="display: none">A hidden paragraph that a reader never sees on the page at all.</p>
    <p aria-hidden="true">Another paragraph hidden from readers and from assistive technology.</p>
    <p hidden>A paragraph with the hidden attribute, which browsers do not render either.</p>
  </article></body></html>`;
  assert.equal(extractHtml(html).text, 'Visible prose about the evacuation of the quarter, long enough to be taken for the article body.');
});

test('a page whose body is rendered by script falls back to the JSON-LD articleBody, split into paragraphs', () => {
  const body = 'Power was restored to the northern suburbs overnight.\nEngineers said the fault was in a substation.\n\n  Repairs   will take a week. ';
  const html = `<html><head><script type="application/ld+json">${JSON.stringify({ '@type': 'NewsArticle', articleBody: body })}</script></head>
    <body><div id="app"></div><script>render()</script></body></html>`;
  assert.equal(
    extractHtml(html).text,
    'Power was restored to the northern suburbs overnight.\n\nEngineers said the fault was in a substation.\n\nRepairs will take a week.',
  );
});

test('when no single container holds most of the prose, a paragraph-level pass collects it from the whole page', () => {
  const sentence = (n: number): string => `Paragraph ${n} of a report scattered across a badly built page, long enough to read as prose.`;
  const links = (from: number): string => `<div>${Array.from({ length: 30 }, (_, i) => `<a href="/${from + i}">Link ${from + i}</a><br>`).join('')}</div>`;
  const html = `<html><body>
    <div><p>${sentence(1)}</p><p>${sentence(2)}</p></div>${links(0)}
    <div><p>${sentence(3)}</p></div>${links(100)}
    <div><p>${sentence(4)}</p></div>${links(200)}
    <div><p>${sentence(5)}</p></div>
  </body></html>`;
  assert.equal(extractHtml(html).text, [1, 2, 3, 4, 5].map(sentence).join('\n\n'));
});

test('boilerplate phrases drop page furniture but not prose that happens to start the same way', () => {
  const kept = [
    'Published reports on Thursday said the suspects had crossed the border two days before the attack.',
    'Reuters could not independently verify the footage, which circulated widely on messaging channels.',
    'The group announced the claim in its weekly newsletter, which analysts said was unusual for it.',
  ];
  const html = `<html><body><article>
    <p>${kept[0]}</p><p>Sign up for our newsletter</p><p>${kept[1]}</p><p>Advertisement</p>
    <p>${kept[2]}</p><p>Updated: March 23, 2024 10:15</p><p>This website uses cookies to give you the best experience.</p>
  </article></body></html>`;
  assert.equal(extractHtml(html).text, kept.join('\n\n'));
});
