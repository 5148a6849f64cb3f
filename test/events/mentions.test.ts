import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractIncidentMentions } from '../../src/events/mentions.js';
import type { EntityMention, Quantity } from '../../src/types.js';
import { annotations, article, spanOf } from './fixtures.js';

const TEXT =
  'Armed men stormed the Lakeside Arena in Northfield on Friday evening and opened fire on the audience. ' +
  'At least 40 people were killed and 120 injured, officials said. ' +
  'A 33-year-old guard was shot. ' +
  'The Eastern Front group claimed responsibility for the attack. ' +
  'Police detained 7 suspects on Saturday. ' +
  'It was the deadliest attack since the Harbour Square bombing in 2015. ' +
  'A rumour online said 250000 people were killed. ' +
  'Separately, officers foiled a plot in Westport.';

const A = article('a1', TEXT);
const ANN = annotations(A, {
  entities: [
    ['Lakeside Arena', 'FAC'],
    ['Northfield', 'GPE'],
    ['Eastern Front', 'ORG'],
    ['Harbour Square', 'FAC'],
    ['Westport', 'GPE'],
  ],
  dates: [
    ['Friday', '2031-05-09', 'day'],
    ['Saturday', '2031-05-10', 'day'],
    ['2015', '2015', 'year'],
  ],
  quantities: [
    ['At least 40', 40, null, { unit: 'people' }],
    ['120', 120, 120],
    ['33', 33, 33],
    ['7', 7, 7, { unit: 'suspect' }],
    ['2015', 2015, 2015],
    ['250000', 250000, 250000, { unit: 'people' }],
  ],
});

const mentions = extractIncidentMentions(A, ANN);
const inSentence = (part: string) => {
  const at = TEXT.indexOf(part);
  return mentions.filter((m) => m.sentence.start <= at && at < m.sentence.end);
};

test('the opening sentence is an armed assault triggered by "stormed", at the venue, on the written date', () => {
  const [m, ...rest] = inSentence('Armed men stormed');
  assert.equal(rest.length, 0);
  assert.equal(m!.type, 'armed assault');
  assert.deepEqual({ start: m!.trigger.start, end: m!.trigger.end, text: m!.trigger.text }, { ...spanOf(TEXT, 'stormed'), text: 'stormed' });
  assert.deepEqual(m!.places.map((p) => p.name), ['Lakeside Arena', 'Northfield']);
  assert.deepEqual(m!.date, { value: '2031-05-09', precision: 'day', from: 'sentence', ...spanOf(TEXT, 'Friday') });
  assert.equal(m!.background, false);
  assert.deepEqual(m!.perpetrators.map((p) => [p.text, p.entityType]), [['Armed men', 'DESCRIPTION']]);
  assert.deepEqual(m!.targets.map((t) => t.text), ['Lakeside Arena']);
});

test('figures carry their kind and the exact quantity span', () => {
  const [m] = inSentence('At least 40');
  assert.equal(m!.type, 'armed assault');
  assert.equal(m!.trigger.text, 'killed');
  assert.deepEqual(
    m!.figures.map((f) => [f.kind, f.text, f.start, f.end, f.min]),
    [
      ['killed', 'At least 40', spanOf(TEXT, 'At least 40').start, spanOf(TEXT, 'At least 40').end, 40],
      ['injured', '120', spanOf(TEXT, '120').start, spanOf(TEXT, '120').end, 120],
    ],
  );
  // No date in the sentence: the article's main event date is used.
  assert.deepEqual(m!.date, { value: '2031-05-09', precision: 'day', from: 'article' });
});

test('an age is not a figure and is recorded as discarded', () => {
  const ms = inSentence('33-year-old');
  const all = ms.flatMap((m) => m.figures);
  assert.deepEqual(all, []);
  assert.deepEqual(ms.flatMap((m) => m.discarded), [{ text: '33', ...spanOf(TEXT, '33'), reason: 'age, not a count' }]);
});

test('a claim names its perpetrator with status claimed', () => {
  const [m] = inSentence('claimed responsibility');
  assert.equal(m!.type, 'claim of responsibility');
  assert.deepEqual(m!.perpetrators.map((p) => [p.name, p.status, p.start]), [['Eastern Front', 'claimed', spanOf(TEXT, 'Eastern Front').start]]);
});

test('arrests are their own mention with an arrested figure', () => {
  const [m] = inSentence('Police detained');
  assert.equal(m!.type, 'arrest');
  assert.deepEqual(m!.figures.map((f) => [f.kind, f.text]), [['arrested', '7']]);
  assert.equal(m!.background, false);
});

test('a past incident written with its year is background, and its year is not a figure', () => {
  const ms = inSentence('Harbour Square');
  const bombing = ms.find((m) => m.type === 'bombing');
  assert.ok(bombing, `types were ${ms.map((m) => m.type).join(', ')}`);
  assert.equal(bombing.background, true);
  assert.deepEqual(bombing.date, { value: '2015', precision: 'year', from: 'sentence', ...spanOf(TEXT, '2015') });
  assert.deepEqual(ms.flatMap((m) => m.figures), []);
  assert.deepEqual(ms.flatMap((m) => m.discarded).map((d) => d.reason), ['year, not a count']);
});

test('an impossible death toll is discarded with the reason', () => {
  const ms = inSentence('250000');
  assert.deepEqual(ms.flatMap((m) => m.figures), []);
  assert.deepEqual(ms.flatMap((m) => m.discarded), [{ text: '250000', ...spanOf(TEXT, '250000'), reason: 'impossible: 250000 killed exceeds 100000' }]);
});

test('a foiled plot elsewhere without a date is background, not the main incident', () => {
  const [m] = inSentence('Westport');
  assert.equal(m!.type, 'foiled plot');
  assert.equal(m!.trigger.text, 'foiled');
  assert.equal(m!.background, true);
  assert.equal(m!.date, null);
});

test('a text without incident cues has no mentions; empty annotations do not throw', () => {
  const quiet = article('q', 'The council met on Tuesday to discuss the budget.');
  assert.deepEqual(extractIncidentMentions(quiet, annotations(quiet, {})), []);
  const bare = article('b', 'Gunmen attacked a bus.');
  const ms = extractIncidentMentions(bare, { articleId: 'b', sentences: [], entities: [], dates: [], quantities: [], quotes: [], skipped: [] });
  assert.deepEqual(ms.map((m) => [m.type, m.trigger.text]), [['armed assault', 'Gunmen']]);
});

test('a group named as the subject of the trigger is the perpetrator; responders are not', () => {
  const text = 'Police said the Red Dawn group bombed a bus depot in Eastwick, and troops sealed off the area.';
  const a = article('s1', text);
  const [m, ...rest] = extractIncidentMentions(a, annotations(a, { entities: [['Police', 'ORG'], ['Red Dawn group', 'ORG'], ['Eastwick', 'GPE']] }));
  assert.equal(rest.length, 0);
  assert.equal(m!.type, 'bombing');
  assert.deepEqual(m!.perpetrators.map((p) => [p.name, p.status, p.start]), [['Red Dawn group', 'attributed', spanOf(text, 'Red Dawn group').start]]);
  assert.deepEqual(m!.targets.map((t) => t.text), ['bus depot']);
  assert.deepEqual(m!.places.map((p) => p.name), ['Eastwick']);
});

test('a target noun inside a venue name is the venue, not a second target', () => {
  const text = 'Gunmen attacked the Old Market Hall Complex and a bank nearby.';
  const a = article('v1', text);
  const [m] = extractIncidentMentions(a, annotations(a, { entities: [['Old Market Hall Complex', 'FAC']] }));
  assert.deepEqual(m!.targets.map((t) => [t.text, t.start]), [['Old Market Hall Complex', spanOf(text, 'Old Market').start], ['bank', spanOf(text, 'bank').start]]);
});

test('a long hostile sentence with many cues and entities is processed in linear time', () => {
  const unit = 'Gunmen from Red Dawn attacked the Quay Hall in Eastwick, killing 3 people; ';
  const text = unit.repeat(4000);
  const a = article('big', text);
  const entities: EntityMention[] = [];
  const quantities: Quantity[] = [];
  for (let i = 0; i < 4000; i++) {
    const base = i * unit.length;
    for (const [part, type] of [['Red Dawn', 'ORG'], ['Quay Hall', 'FAC'], ['Eastwick', 'GPE']] as const) {
      const at = base + unit.indexOf(part);
      entities.push({ start: at, end: at + part.length, text: part, type });
    }
    const q = base + unit.indexOf('3 people');
    quantities.push({ start: q, end: q + 1, text: '3', min: 3, max: 3, approx: false, unit: 'people' });
  }
  const t0 = performance.now();
  const ms = extractIncidentMentions(a, { articleId: 'big', sentences: [{ start: 0, end: text.length }], entities, dates: [], quantities, quotes: [], skipped: [] }, { knowledge: null });
  const elapsed = performance.now() - t0;
  assert.equal(ms.length, 1);
  assert.equal(ms[0]!.figures.length, 4000);
  assert.ok(elapsed < 3000, `took ${elapsed.toFixed(0)} ms`);
});

test('a nationality right before a perpetrator description is part of it', () => {
  const text = 'Ruritanian gunmen opened fire on a bus.';
  const a = article('n1', text);
  const [m] = extractIncidentMentions(a, annotations(a, { entities: [['Ruritanian', 'NORP']] }), { knowledge: null });
  assert.deepEqual(m!.perpetrators.map((p) => [p.text, p.start, p.end, p.entityType]), [['Ruritanian gunmen', 0, 17, 'DESCRIPTION']]);
});
