import { test } from 'node:test';
import assert from 'node:assert/strict';
import { StoryClusterer } from '../../src/merge/stories.js';

// Three small stories, written for this test, arriving interleaved.
const DOCS = [
  { id: 'bridge-1', story: 'bridge', text: 'The Varnholt bridge over the Tessel river collapsed during the morning rush in Lorvik, and divers searched the water for missing drivers.' },
  { id: 'final-1', story: 'final', text: 'Castora United won the cup final against Dremmel Rovers after a penalty shootout at the Ostmark stadium.' },
  { id: 'fire-1', story: 'fire', text: 'A fire tore through the Brenton textile factory overnight; firefighters from three stations fought the blaze until dawn.' },
  { id: 'bridge-2', story: 'bridge', text: 'Engineers in Lorvik blamed corroded cables for the Varnholt bridge collapse as divers recovered cars from the Tessel river.' },
  { id: 'final-2', story: 'final', text: 'Dremmel Rovers fans left the Ostmark stadium in tears after Castora United lifted the cup on penalties.' },
  { id: 'fire-2', story: 'fire', text: 'Investigators said the Brenton factory blaze began in a storage room; firefighters kept the fire from the textile warehouse next door.' },
  { id: 'bridge-3', story: 'bridge', text: 'The mayor of Lorvik promised a new bridge over the Tessel after the Varnholt collapse, as divers ended the search for drivers.' },
  { id: 'final-3', story: 'final', text: 'The Castora United captain scored the decisive penalty in the cup final, leaving Dremmel Rovers without a trophy at the Ostmark stadium.' },
];

test('interleaved articles about three events form exactly those three stories', () => {
  const c = new StoryClusterer({ threshold: 0.2 });
  const ids = DOCS.map((d) => c.add({ id: d.id, title: null, text: d.text, published: '2031-03-01T10:00:00Z' }));
  const byStory = new Map<string, Set<string>>();
  DOCS.forEach((d, i) => byStory.set(d.story, (byStory.get(d.story) ?? new Set()).add(ids[i]!)));
  for (const [story, clusterIds] of byStory) assert.equal(clusterIds.size, 1, `${story} was split over ${[...clusterIds].join(', ')}`);
  assert.equal(new Set(ids).size, 3);
  const stories = c.stories();
  assert.deepEqual(stories.map((s) => s.articles.map((a) => a.id)), [['bridge-1', 'bridge-2', 'bridge-3'], ['final-1', 'final-2', 'final-3'], ['fire-1', 'fire-2']]);
  assert.equal(stories[0]!.id, ids[0]);
});

test('the same wording months later starts a new story (time window)', () => {
  const c = new StoryClusterer({ threshold: 0.2, windowDays: 14 });
  const a = c.add({ id: 'x1', title: null, text: DOCS[0]!.text, published: '2031-03-01T10:00:00Z' });
  const b = c.add({ id: 'x2', title: null, text: DOCS[3]!.text, published: '2031-03-02T10:00:00Z' });
  const later = c.add({ id: 'x3', title: null, text: DOCS[6]!.text, published: '2031-06-01T10:00:00Z' });
  assert.equal(a, b);
  assert.notEqual(later, a);
});

test('an article sharing no content words with any story starts its own', () => {
  const c = new StoryClusterer({ threshold: 0.2 });
  const a = c.add({ id: 'y1', title: null, text: DOCS[0]!.text, published: null });
  const b = c.add({ id: 'y2', title: null, text: 'Quarterly grain prices rose sharply.', published: null });
  assert.notEqual(a, b);
  assert.deepEqual(c.stories().map((s) => s.articles.length), [1, 1]);
});

test('entity ids from the annotations are used as names when given', () => {
  const c = new StoryClusterer({ threshold: 0.5, entityWeight: 1 });
  const e = (id: string) => ({ text: id, id });
  const a = c.add({ id: 'z1', title: null, text: 'first report', published: null, entities: [e('Q1'), e('Q2')] });
  const b = c.add({ id: 'z2', title: null, text: 'second report', published: null, entities: [e('Q1'), e('Q2')] });
  const other = c.add({ id: 'z3', title: null, text: 'third report', published: null, entities: [e('Q7')] });
  assert.equal(a, b);
  assert.notEqual(other, a);
});
