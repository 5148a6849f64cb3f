import assert from 'node:assert/strict';
import { test } from 'node:test';
import { extractHtml } from '../../src/extract/html/index.js';
import { MAX_DEPTH, parseHtml } from '../../src/extract/html/tree.js';

const prose = 'Residents were told to stay indoors while firefighters, police officers and paramedics worked through the night.';

test('a page of scripts, styles and templates has no text', () => {
  const html = `<html><head><style>p { color: red }</style><script>var s = "<p>${prose}</p>";</script></head>
    <body><script>document.body.innerHTML = '<article><p>${prose}</p></article>';</script>
    <noscript><p>${prose}</p></noscript><template><p>${prose}</p></template></body></html>`;
  assert.equal(extractHtml(html).text, '');
});

test('empty, binary and non-HTML input give an empty extraction, not an error', () => {
  for (const input of ['', '\u0000\u0001\u0002\uFFFD\uFFFD', 'just a few words', '<<<>>></>']) {
    const result = extractHtml(input);
    assert.equal(typeof result.text, 'string');
    assert.equal(result.title, null);
  }
});

test('an unparseable page URL is ignored rather than fatal', () => {
  const html = `<html><body><article><p>${prose}</p></article></body></html>`;
  const result = extractHtml(html, 'not a url at all');
  assert.equal(result.url, null);
  assert.equal(result.outlet, null);
  assert.equal(result.published, null);
  assert.equal(result.text, prose);
});

test('malformed HTML: unclosed paragraphs, stray end tags, unquoted attributes and entities', () => {
  const html = `<html><body><div class=article-body>
    <p>First paragraph about the blockade of the border crossing, which lasted for most of the afternoon &amp; evening.
    <p>Second paragraph: officials said the lorries were turned back at 14:00 &mdash; without explanation.</span></em>
    </b><p>Third paragraph, where the mayor called for calm and promised a full report by the end of the week.
  </div>`;
  assert.equal(
    extractHtml(html).text,
    [
      'First paragraph about the blockade of the border crossing, which lasted for most of the afternoon & evening.',
      'Second paragraph: officials said the lorries were turned back at 14:00 — without explanation.',
      'Third paragraph, where the mayor called for calm and promised a full report by the end of the week.',
    ].join('\n\n'),
  );
});

test('list items close each other and table rows close cells, as in browsers', () => {
  const { root } = parseHtml('<ul><li>one<li>two</ul><table><tr><td>a<td>b<tr><td>c</table>');
  const ul = root.children[0];
  assert.ok(typeof ul !== 'string' && ul.tag === 'ul');
  assert.deepEqual(ul.children.map((li) => (typeof li === 'string' ? li : `${li.tag}:${li.children.join('')}`)), ['li:one', 'li:two']);
  const table = root.children[1];
  assert.ok(typeof table !== 'string');
  assert.deepEqual(table.children.map((tr) => (typeof tr === 'string' ? tr : tr.children.length)), [2, 1]);
});

test('nesting deeper than the limit is flattened, and the text inside is kept', () => {
  const depth = MAX_DEPTH * 100;
  const html = `<html><body>${'<div>'.repeat(depth)}<p>${prose}</p><script>var hidden = 1;</script>${'</div>'.repeat(depth)}</body></html>`;
  let deepest = 0;
  const walk = (node: ReturnType<typeof parseHtml>['root'], level: number): void => {
    deepest = Math.max(deepest, level);
    for (const child of node.children) if (typeof child !== 'string') walk(child, level + 1);
  };
  walk(parseHtml(html).root, 0);
  assert.ok(deepest <= MAX_DEPTH + 2, `tree depth ${deepest}`);
  assert.equal(extractHtml(html).text, prose);
});

test('a large generated page (thousands of paragraphs, links and stray tags) is extracted completely', () => {
  const paragraphs = Array.from({ length: 20000 }, (_, i) => `<p>${prose} Update number ${i}.</p><div class="ad">Advertisement</div></span>`);
  const menu = Array.from({ length: 20000 }, (_, i) => `<li><a href="/s/${i}">Section ${i}</a></li>`).join('');
  const html = `<html><body><nav><ul>${menu}</ul></nav><article>${paragraphs.join('')}</article>${'<i>'.repeat(50000)}</body></html>`;
  const { text } = extractHtml(html);
  const lines = text.split('\n\n');
  assert.equal(lines.length, 20000);
  assert.equal(lines[19999], `${prose} Update number 19999.`);
  assert.ok(!text.includes('Section 1'));
});
