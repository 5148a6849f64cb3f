// The bad-input rules, through the real annotation layer: impossible figures, years and ages are never
// casualty figures and every discarded number says why; no incident gives no mention; hundreds of incidents in one
// article stay separate and linear.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractIncidentMentions } from '../../src/events/mentions.js';
import { annotate } from '../../src/nlp/index.js';
import { article, spanOf } from './fixtures.js';

const analyse = (id: string, text: string) => {
  const a = article(id, text);
  return extractIncidentMentions(a, annotate(a), { knowledge: null });
};

test('"killed 10 billion" is discarded as impossible with the reason; a real toll in the next sentence is kept', () => {
  const text = 'Gunmen attacked a market in Northfield on Friday and killed 10 billion people. The attack killed 12 people.';
  const ms = analyse('billion', text);
  assert.deepEqual(ms.flatMap((m) => m.figures).map((f) => [f.kind, f.text, f.min]), [['killed', '12 people', 12]]);
  assert.deepEqual(ms.flatMap((m) => m.discarded), [{ text: '10 billion people', ...spanOf(text, '10 billion people'), reason: 'impossible: 10000000000 killed exceeds 100000' }]);
});

test('ages and years are never casualty figures', () => {
  const text = 'A 33-year-old man was killed when gunmen attacked a bus in Northfield in 2015.';
  const ms = analyse('ages', text);
  assert.equal(ms.length, 1);
  assert.deepEqual(ms[0]!.figures, []);
  assert.deepEqual(ms[0]!.date?.value, '2015');
});

test('an article with no incident has no mentions', () => {
  assert.deepEqual(analyse('none', 'The city council approved the 2031 budget on Tuesday. 40 people attended the meeting.'), []);
});

test('hundreds of incidents in one article are each a mention with their own place and figure', () => {
  const towns = Array.from({ length: 300 }, (_, i) => `Town${String.fromCharCode(65 + (i % 26))}${String.fromCharCode(65 + Math.floor(i / 26))}`);
  const text = towns.map((t, i) => `Gunmen attacked a bus in ${t}, killing ${i + 1} people.`).join(' ');
  const a = article('many', text);
  const ann = annotate(a);
  const t0 = performance.now();
  const ms = extractIncidentMentions(a, ann, { knowledge: null });
  const elapsed = performance.now() - t0;
  assert.equal(ms.length, 300);
  assert.deepEqual(ms.slice(0, 3).map((m) => [m.type, m.figures.map((f) => f.min)]), [['armed assault', [1]], ['armed assault', [2]], ['armed assault', [3]]]);
  assert.ok(elapsed < 3000, `took ${elapsed.toFixed(0)} ms`);
});
