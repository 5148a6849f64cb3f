import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractIncidentMentions } from '../../src/events/mentions.js';
import { resolveIncidents } from '../../src/merge/incidents.js';
import type { PlaceKnowledge } from '../../src/events/places.js';
import type { IncidentMention } from '../../src/events/types.js';
import type { Article, Place } from '../../src/types.js';
import { annotations, article, spanOf, type Layers } from '../events/fixtures.js';

function run(docs: Array<[Article, Layers]>) {
  const mentions = docs.flatMap(([a, layers]) => extractIncidentMentions(a, annotations(a, layers)));
  return resolveIncidents(mentions, docs.map(([a]) => a));
}

// Three outlets report one attack; the second gets the weekday wrong (Thursday for Friday) and spells the venue
// "Kastel Arena"; the third adds a claim, arrests and an older bombing in passing.
const A1 = article('one', 'Gunmen opened fire inside the Castell Arena in Northfield on Friday. At least 12 people were killed.', '2031-05-10T08:00:00Z');
const A2 = article('two', 'On Thursday attackers stormed the Kastel Arena in Northfield, killing 14 people and wounding 30.', '2031-05-10T09:00:00Z');
const A3 = article(
  'three',
  'The shooting at the Castell Arena in Northfield on Friday left 15 dead. The Red Dawn movement claimed responsibility for the attack. ' +
    'Police arrested 4 men in Southport on Saturday. The city was also hit by the Quay Street bombing in 2019.',
  '2031-05-11T08:00:00Z',
);
const LAYERS: Array<[Article, Layers]> = [
  [A1, { entities: [['Castell Arena', 'FAC'], ['Northfield', 'GPE']], dates: [['Friday', '2031-05-09', 'day']], quantities: [['At least 12', 12, null, { unit: 'people' }]] }],
  [A2, { entities: [['Kastel Arena', 'FAC'], ['Northfield', 'GPE']], dates: [['Thursday', '2031-05-08', 'day']], quantities: [['14', 14, 14, { unit: 'people' }], ['30', 30, 30]] }],
  [
    A3,
    {
      entities: [['Castell Arena', 'FAC'], ['Northfield', 'GPE'], ['Red Dawn', 'ORG'], ['Southport', 'GPE'], ['Quay Street', 'FAC']],
      dates: [['Friday', '2031-05-09', 'day'], ['Saturday', '2031-05-10', 'day'], ['2019', '2019', 'year']],
      quantities: [['15', 15, 15], ['4', 4, 4, { unit: 'man' }], ['2019', 2019, 2019]],
    },
  ],
];

const incidents = run(LAYERS);
const attack = incidents.find((i) => i.articles.length === 3);

test('one attack across three articles despite a wrong weekday and a venue spelling variant', () => {
  assert.ok(attack, `incidents: ${JSON.stringify(incidents.map((i) => [i.type, i.articles, i.date]))}`);
  assert.deepEqual(attack.articles, ['one', 'two', 'three']);
  assert.equal(attack.type, 'armed assault');
  assert.deepEqual(attack.date, { value: '2031-05-09', precision: 'day' });
  assert.equal(attack.place?.name, 'Castell Arena');
  assert.equal(attack.background, false);
});

test('every reported figure is kept with its article and exact span', () => {
  assert.deepEqual(attack!.figures.killed, [
    { ...spanOf(A1.text, 'At least 12'), min: 12, max: null, approx: false, article: 'one', text: 'At least 12' },
    { ...spanOf(A2.text, '14'), min: 14, max: 14, approx: false, article: 'two', text: '14' },
    { ...spanOf(A3.text, '15'), min: 15, max: 15, approx: false, article: 'three', text: '15' },
  ]);
  assert.deepEqual(attack!.figures.injured?.map((f) => [f.article, f.text]), [['two', '30']]);
});

test('a claim of responsibility is folded into the attack as a claimed perpetrator', () => {
  assert.deepEqual(attack!.perpetrators, [{ name: 'Red Dawn', status: 'claimed', evidence: [{ articleId: 'three', ...spanOf(A3.text, 'Red Dawn') }] }]);
  assert.equal(incidents.filter((i) => i.type === 'claim of responsibility').length, 0);
  const claimSentence = spanOf(A3.text, 'The Red Dawn movement claimed responsibility for the attack.');
  assert.ok(attack!.mentions.some((e) => e.articleId === 'three' && e.start === claimSentence.start && e.end === claimSentence.end));
});

test('arrests are a separate record linked to the attack', () => {
  const arrests = incidents.filter((i) => i.type === 'arrest');
  assert.equal(arrests.length, 1);
  assert.equal(arrests[0]!.place?.name, 'Southport');
  assert.deepEqual(arrests[0]!.relatedTo, [attack!.id]);
  assert.deepEqual(arrests[0]!.figures.arrested?.map((f) => f.text), ['4']);
});

test('a background bombing from another year stays its own incident', () => {
  const old = incidents.filter((i) => i.type === 'bombing');
  assert.equal(old.length, 1);
  assert.deepEqual(old[0]!.date, { value: '2019', precision: 'year' });
  assert.equal(old[0]!.place?.name, 'Quay Street');
  assert.equal(old[0]!.background, true);
  assert.notEqual(old[0]!.id, attack!.id);
});

test('two attacks on the same day in different towns are not merged', () => {
  const b1 = article('b1', 'A bomb exploded at a market in Eastwick on Monday.');
  const b2 = article('b2', 'A bomb exploded at a bus depot in Westwick on Monday.');
  const out = run([
    [b1, { entities: [['Eastwick', 'GPE']], dates: [['Monday', '2031-06-02', 'day']] }],
    [b2, { entities: [['Westwick', 'GPE']], dates: [['Monday', '2031-06-02', 'day']] }],
  ]);
  assert.deepEqual(out.map((i) => [i.type, i.place?.name, i.articles]), [['bombing', 'Eastwick', ['b1']], ['bombing', 'Westwick', ['b2']]]);
});

test('dates three days apart do not merge even at the same place', () => {
  const c1 = article('c1', 'Gunmen attacked the Mill Theatre in Ashby on Monday.');
  const c2 = article('c2', 'Gunmen attacked the Mill Theatre in Ashby on Thursday.');
  const out = run([
    [c1, { entities: [['Mill Theatre', 'FAC'], ['Ashby', 'GPE']], dates: [['Monday', '2031-06-02', 'day']] }],
    [c2, { entities: [['Mill Theatre', 'FAC'], ['Ashby', 'GPE']], dates: [['Thursday', '2031-06-05', 'day']] }],
  ]);
  assert.equal(out.length, 2);
});

test('with the gazetteer, a town and the nearby city it borders are one place; a distant city is not', () => {
  const d1 = article('d1', 'A van rammed pedestrians in Solna on Tuesday.');
  const d2 = article('d2', 'A van rammed pedestrians in Stockholm on Tuesday.');
  const d3 = article('d3', 'A van rammed pedestrians in Gothenburg on Tuesday.');
  const layer = (place: string): Layers => ({ entities: [[place, 'GPE']], dates: [['Tuesday', '2031-06-03', 'day']] });
  const out = run([[d1, layer('Solna')], [d2, layer('Stockholm')], [d3, layer('Gothenburg')]]);
  assert.deepEqual(out.map((i) => [i.type, i.articles]), [['vehicle ramming', ['d1', 'd2']], ['vehicle ramming', ['d3']]]);
  assert.equal(out[0]!.place?.country, 'SE');
  // Names alone cannot tell that Solna borders Stockholm.
  const byName = resolveIncidents(
    [d1, d2].flatMap((a, i) => extractIncidentMentions(a, annotations(a, layer(i ? 'Stockholm' : 'Solna')), { knowledge: null })),
    [d1, d2],
    { knowledge: null },
  );
  assert.equal(byName.length, 2);
});

test('many distinct incidents resolve in near-linear time (blocking by date)', () => {
  const mentions: IncidentMention[] = [];
  const day = (i: number) => new Date(Date.UTC(2020, 0, 1) + i * 86_400_000 * 3).toISOString().slice(0, 10);
  for (let i = 0; i < 3000; i++) {
    for (let k = 0; k < 5; k++) {
      mentions.push(bombing(`a${i}-${k}`, day(i), [[`Town ${i}`]]));
    }
  }
  const t0 = performance.now();
  const out = resolveIncidents(mentions, [], { knowledge: null });
  const elapsed = performance.now() - t0;
  assert.equal(out.length, 3000);
  assert.ok(out.every((i) => i.articles.length === 5));
  assert.ok(elapsed < 5000, `took ${elapsed.toFixed(0)} ms`);
});

// An outlet without a publication date reports the Riverside Theatre attack; two dated outlets report it too, the
// second a near-copy of the first. Real town names so the gazetteer can place Lyon in France.
const DATED = article('dated', 'Gunmen opened fire at the Riverside Theatre in Lyon on Friday, killing 12 people.', '2031-05-09T22:00:00Z');
const COPY = article('copy', 'Gunmen opened fire at the Riverside Theatre in Lyon on Friday, killing 12 people.', '2031-05-10T06:00:00Z');
const UNDATED = article('undated', 'The shooting at the Riverside Theatre in Lyon has left the city in mourning. It was the deadliest attack in France in ten years.');
UNDATED.published = null;
const LYON: Layers = { entities: [['Riverside Theatre', 'FAC'], ['Lyon', 'GPE']], dates: [['Friday', '2031-05-09', 'day']], quantities: [['12', 12, 12, { unit: 'people' }]] };
const UNDATED_LAYERS: Layers = { entities: [['Riverside Theatre', 'FAC'], ['Lyon', 'GPE'], ['France', 'GPE']] };

test('an undated report at the same venue joins the dated incident, its country-level sentence included', () => {
  const out = run([
    [DATED, LYON],
    [UNDATED, UNDATED_LAYERS],
  ]);
  assert.deepEqual(
    out.map((i) => [i.type, i.date?.value ?? null, i.place?.name, i.articles]),
    [['armed assault', '2031-05-09', 'Riverside Theatre', ['dated', 'undated']]],
  );
  assert.deepEqual(
    out[0]!.mentions.filter((e) => e.articleId === 'undated').map((e) => UNDATED.text.slice(e.start, e.end)),
    ['The shooting at the Riverside Theatre in Lyon has left the city in mourning.', 'It was the deadliest attack in France in ten years.'],
  );
});

test('an undated report at a venue with two dated incidents joins neither', () => {
  const later = article('later', 'Gunmen opened fire at the Riverside Theatre in Lyon on Saturday.', '2032-02-01T08:00:00Z');
  const out = run([
    [DATED, LYON],
    [later, { entities: [['Riverside Theatre', 'FAC'], ['Lyon', 'GPE']], dates: [['Saturday', '2032-01-31', 'day']] }],
    [UNDATED, UNDATED_LAYERS],
  ]);
  assert.deepEqual(
    out.map((i) => [i.date?.value ?? null, i.articles]),
    [['2031-05-09', ['dated']], ['2032-01-31', ['later']], [null, ['undated']]],
  );
});

test('an undated report sharing only a country with a dated incident stays apart', () => {
  const elsewhere = article('elsewhere', 'Gunmen opened fire in France, officials said.');
  elsewhere.published = null;
  const out = run([
    [DATED, LYON],
    [elsewhere, { entities: [['France', 'GPE']] }],
  ]);
  assert.deepEqual(out.map((i) => i.articles), [['dated'], ['elsewhere']]);
});

test('a copy adds an article but not an independent source', () => {
  const docs: Array<[Article, Layers]> = [
    [DATED, LYON],
    [COPY, LYON],
    [UNDATED, UNDATED_LAYERS],
  ];
  const mentions = docs.flatMap(([a, layers]) => extractIncidentMentions(a, annotations(a, layers)));
  const copies = [{ articleId: 'copy', ofArticleId: 'dated', share: 1, kind: 'duplicate' as const }];
  const [withCopies] = resolveIncidents(mentions, docs.map(([a]) => a), { copies });
  assert.deepEqual([withCopies!.articles, withCopies!.sources], [['dated', 'copy', 'undated'], 2]);
  const [without] = resolveIncidents(mentions, docs.map(([a]) => a));
  assert.equal(without!.sources, 3);
});

test('mentions dropped by the events stage are not incidents', () => {
  const a = article('noise', 'Gunmen stormed the Riverside Theatre in Lyon on Friday. Officials warned of further attacks.');
  const out = run([[a, { entities: [['Riverside Theatre', 'FAC'], ['Lyon', 'GPE']], dates: [['Friday', '2031-05-09', 'day']] }]]);
  assert.deepEqual(out.map((i) => i.type), ['armed assault']);
});

test('a venue known only by id takes coordinates from a place in its own country, not the most named one', () => {
  const places: Record<string, Place> = {
    Ashby: { name: 'Ashby', id: 'town:ashby', country: 'XA', lat: 10, lon: 20 },
    Farland: { name: 'Farland', id: 'country:farland', country: 'XB', lat: -30, lon: 40 },
  };
  const knowledge: PlaceKnowledge = {
    lookup: (name) => places[name] ?? null,
    byId: (id) => (id === 'venue:mill' ? { name: 'Mill Theatre', id, country: 'XA', lat: null, lon: null } : Object.values(places).find((p) => p.id === id) ?? null),
    parents: () => [],
  };
  const text = 'Gunmen attacked the Mill Theatre in Ashby on Monday, officials in Farland said. Leaders in Farland and in Farland again condemned the attack.';
  const a = article('venue', text);
  const layers: Layers = {
    entities: [['Mill Theatre', 'FAC', { id: 'venue:mill' }], ['Ashby', 'GPE'], ['Farland', 'GPE'], ['Farland', 'GPE', { n: 1 }], ['Farland', 'GPE', { n: 2 }]],
    dates: [['Monday', '2031-06-02', 'day']],
  };
  const out = resolveIncidents(extractIncidentMentions(a, annotations(a, layers), { knowledge }), [a], { knowledge });
  assert.deepEqual(out.map((i) => i.place), [{ name: 'Mill Theatre', id: 'venue:mill', country: 'XA', lat: 10, lon: 20 }]);
});

/** A bare bombing mention of article `id`, dated `date` (null for none) at `places` (towns unless said). */
function bombing(id: string, date: string | null, places: Array<[name: string, type?: 'GPE' | 'FAC']>): IncidentMention {
  return {
    articleId: id,
    type: 'bombing',
    trigger: { text: 'bombing', start: 0, end: 7 },
    sentence: { start: 0, end: 40 },
    date: date ? { value: date, precision: 'day', from: 'sentence', start: 10, end: 20 } : null,
    place: null,
    places: places.map(([name, type]) => ({ name, start: 25, end: 30, text: name, entityType: type ?? 'GPE' })),
    perpetrators: [],
    figures: [],
    discarded: [],
    weapons: [],
    targets: [],
    victims: [],
    background: false,
    folded: false,
    dropped: null,
  };
}

test('places match across articles by containment and by distance as well as by name', () => {
  const places: Record<string, Place> = {
    Ashby: { name: 'Ashby', id: 'town:ashby', country: 'XA', lat: 10, lon: 20 },
    // About 33 km from Ashby, in the same country: near enough to be the same incident location.
    Brookvale: { name: 'Brookvale', id: 'town:brookvale', country: 'XA', lat: 10.3, lon: 20 },
    Xaland: { name: 'Xaland', id: 'country:xa', country: 'XA', lat: 12, lon: 22 },
    Farton: { name: 'Farton', id: 'town:farton', country: 'XB', lat: 40, lon: 60 },
  };
  const parents: Record<string, string[]> = { 'town:ashby': ['country:xa'], 'town:brookvale': ['country:xa'], 'town:farton': ['country:xb'] };
  const knowledge: PlaceKnowledge = {
    lookup: (name) => places[name] ?? null,
    byId: (id) => Object.values(places).find((p) => p.id === id) ?? null,
    parents: (id) => parents[id] ?? [],
  };
  const mentions = [
    bombing('ashby', '2031-06-02', [['Ashby']]),
    bombing('brookvale', '2031-06-02', [['Brookvale']]),
    bombing('country', '2031-06-03', [['Xaland']]),
    bombing('farton', '2031-06-02', [['Farton']]),
  ];
  const out = resolveIncidents(mentions, [], { knowledge });
  assert.deepEqual(out.map((i) => i.articles), [['ashby', 'brookvale', 'country'], ['farton']]);
});

test('a dated report naming no place joins an incident reported a day apart, not three days apart', () => {
  const out = resolveIncidents(
    [bombing('a-placed', '2031-06-02', [['Ashby']]), bombing('b-next-day', '2031-06-03', []), bombing('c-later', '2031-06-05', [])],
    [],
    { knowledge: null },
  );
  assert.deepEqual(out.map((i) => i.articles), [['a-placed', 'b-next-day'], ['c-later']]);
});

test('many incidents at one town, with undated reports there, resolve in near-linear time', () => {
  const day = (i: number) => new Date(Date.UTC(2020, 0, 1) + i * 86_400_000 * 3).toISOString().slice(0, 10);
  const mentions: IncidentMention[] = [];
  // Ids sort as the days do, so incidents come out in date order.
  for (let i = 0; i < 2000; i++) for (let k = 0; k < 3; k++) mentions.push(bombing(`a${String(i).padStart(4, '0')}-${k}`, day(i), [['Ashby']]));
  // Each of them could be any of the 2000 incidents: together they are one undated incident of their own.
  for (let k = 0; k < 300; k++) mentions.push(bombing(`u${k}`, null, [['Ashby']]));
  const t0 = performance.now();
  const out = resolveIncidents(mentions, [], { knowledge: null });
  const elapsed = performance.now() - t0;
  assert.equal(out.length, 2001);
  assert.deepEqual(out.slice(0, 2000).filter((i, n) => i.articles.length !== 3 || i.date?.value !== day(n)), []);
  assert.deepEqual([out[2000]!.date, out[2000]!.articles.length], [null, 300]);
  assert.ok(elapsed < 5000, `took ${elapsed.toFixed(0)} ms`);
});

test('a group claiming an attack is listed before one officials blame, whatever the order of the reports', () => {
  const group = (name: string, status: 'claimed' | 'attributed', start: number) =>
    ({ name, text: name, status, entityType: 'ORG' as const, start, end: start + name.length });
  const blamed = { ...bombing('x', '2030-04-02', [['Lyon']]), perpetrators: [group('Western Cell', 'attributed', 50)] };
  const alsoBlamed = { ...bombing('y', '2030-04-02', [['Lyon']]), perpetrators: [group('Western Cell', 'attributed', 60)] };
  const claimed = { ...bombing('z', '2030-04-02', [['Lyon']]), perpetrators: [group('Eastern Front', 'claimed', 70)] };
  const [incident] = resolveIncidents([blamed, alsoBlamed, claimed], [], { knowledge: null });
  assert.deepEqual(
    incident!.perpetrators.map((p) => [p.name, p.status, p.evidence.length]),
    [['Eastern Front', 'claimed', 1], ['Western Cell', 'attributed', 2]],
  );
});
