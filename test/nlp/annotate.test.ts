import assert from 'node:assert/strict';
import { test } from 'node:test';
import { outsideDates, withoutCommonWords } from '../../src/nlp/annotate.js';
import { annotate } from '../../src/nlp/index.js';
import type { Annotations, Article, EntityMention } from '../../src/types.js';

function article(text: string, fields: Partial<Article> = {}): Article {
  return { id: 'a1', source: 'test', url: null, title: null, text, published: '2024-03-23', publishedFrom: 'metadata', outlet: null, byline: null, language: 'en', fetchedAt: null, offsets: { runs: [] }, ...fields };
}

/** Every span of every layer indexes the text exactly. */
function assertSpans(text: string, a: Annotations): void {
  for (const s of a.sentences) assert.ok(s.start < s.end && s.end <= text.length);
  for (const layer of [a.entities, a.dates, a.quantities, a.quotes]) {
    for (const x of layer) assert.equal(text.slice(x.start, x.end), x.text);
  }
  for (const q of a.quotes) {
    if (q.speaker?.start !== undefined) assert.ok(q.speaker.end! <= text.length);
  }
}

const STORY = [
  'Gunmen attacked a concert hall in Krasnogorsk on Friday, killing at least 60 people, officials said.',
  'Gen. Tomas Brevik, the head of the regional guard, said 11 suspects were detained by Saturday.',
  '"We are searching every road," Mr. Brevik told reporters. "Nobody will escape," he added.',
  'Analysts said the group had been active in the region since 2015.',
].join('\n\n');

test('a short report: people, roles, coreference, quotes, dates and counts', () => {
  const a = annotate(article(STORY));
  assertSpans(STORY, a);
  assert.deepEqual(a.skipped, []);
  assert.equal(a.sentences.length, 5);

  const people = a.entities.filter((e) => e.type === 'PERSON');
  assert.deepEqual(
    people.map((p) => [p.text, p.name, p.role]),
    [
      ['Tomas Brevik', 'Tomas Brevik', 'Gen., the head of the regional guard'],
      ['Brevik', 'Tomas Brevik', 'Mr.'],
    ],
  );
  assert.equal(people[0].id, people[1].id);
  const place = a.entities.find((e) => e.text === 'Krasnogorsk');
  assert.equal(place?.type, 'GPE');

  assert.deepEqual(
    a.quotes.map((q) => [q.text, q.speaker?.name]),
    [
      ['We are searching every road,', 'Tomas Brevik'],
      ['Nobody will escape,', 'Tomas Brevik'],
    ],
  );
  assert.deepEqual(
    a.dates.map((d) => [d.text, d.value, d.precision]),
    [
      ['Friday', '2024-03-22', 'day'],
      ['Saturday', '2024-03-23', 'day'],
      ['2015', '2015', 'year'],
    ],
  );
  assert.deepEqual(
    a.quantities.map((q) => [q.text, q.min, q.max, q.unit]),
    [
      ['at least 60 people', 60, null, 'people'],
      ['11 suspects', 11, 11, 'suspect'],
    ],
  );
});

test('numbers inside dates are not counts', () => {
  const text = 'On March 22, 2024 the hall burned; by 25 March it was shut.';
  const a = annotate(article(text));
  assert.deepEqual(a.quantities, []);
  assert.deepEqual(a.dates.map((d) => d.value), ['2024-03-22', '2024-03-25']);
});

test('non-English text keeps language-independent layers and says what it skipped', () => {
  const text = 'Теракт в «Крокус Сити Холле» 22.03.2024: погибли 139 человек.';
  for (const a of [annotate(article(text, { language: 'ru' })), annotate(article(text, { language: null }))]) {
    assertSpans(text, a);
    assert.deepEqual(a.entities, []);
    assert.deepEqual(a.quotes, []);
    assert.deepEqual(a.skipped.map((s) => s.layer), ['entities', 'quotes']);
    assert.ok(a.sentences.length >= 1);
    assert.deepEqual(a.quantities.map((q) => [q.text, q.min]), [['139 человек', 139]]);
  }
});

test('without a publication date relative dates are left out and reported', () => {
  const a = annotate(article('On Friday, as on 7 March 2024, police acted.', { published: null }));
  assert.deepEqual(a.dates.map((d) => d.value), ['2024-03-07']);
  assert.deepEqual(a.skipped.map((s) => s.layer), ['dates (relative)']);
});

test('hostile input: empty, all caps, binary, one endless sentence, a flood of numbers and quote marks', () => {
  const empty = annotate(article(''));
  assert.deepEqual([empty.sentences, empty.entities, empty.dates, empty.quantities, empty.quotes], [[], [], [], [], []]);

  const caps = 'GUNMEN OPENED FIRE IN KRASNOGORSK ON FRIDAY. "WE HEARD SHOTS," SAID ANNA BERG. AT LEAST 40 PEOPLE DIED.';
  const a = annotate(article(caps));
  assertSpans(caps, a);
  assert.deepEqual(a.quantities.map((q) => [q.text, q.min]), [['AT LEAST 40 PEOPLE', 40]]);
  // Capitals carry no cue in such text; the attribution pattern still finds the speaker (the tagger decides
  // how much of the name it is).
  assert.deepEqual(a.quotes.map((q) => q.text), ['WE HEARD SHOTS,']);
  assert.match(a.quotes[0].speaker?.name ?? '', /ANNA BERG$/);

  const binary = Array.from({ length: 20_000 }, (_, i) => String.fromCharCode((i * 7919) % 65_000)).join('');
  assertSpans(binary, annotate(article(binary)));

  const started = performance.now();
  const endless = 'and then the crowd moved on towards the river '.repeat(5_000);
  assertSpans(endless, annotate(article(endless)));
  const numbers = Array.from({ length: 50_000 }, (_, i) => String(i)).join(' ');
  assert.ok(annotate(article(numbers)).quantities.length > 40_000);
  const blob = `Before. ${'x'.repeat(300_000)} after.`;
  assert.deepEqual(annotate(article(blob)).sentences.map((s) => s.end - s.start), [7, 300_000, 6]);
  assert.deepEqual(annotate(article('9'.repeat(100_000))).quantities, []);
  const marks = ('he said " and " then "\n').repeat(5_000);
  assertSpans(marks, annotate(article(marks)));
  assert.ok(performance.now() - started < 30_000, 'hostile input took too long');
});

test('knowledge-base speakers, committees, demonyms and particle names, end to end', () => {
  const text = [
    'Within minutes, Russia’s national guard said a “search for the gunmen is under way” near the hall.',
    'Speaking before a House committee, the general said Abu Karim al-Tamimi al-Shammari now leads the Afghan affiliate. Later al-Shammari was seen in Herat.',
  ].join('\n\n');
  const a = annotate(article(text));
  assertSpans(text, a);
  const at = (surface: string) => a.entities.find((e) => e.text === surface);
  assert.deepEqual(a.quotes.map((q) => [q.text, q.speaker?.id, q.speaker?.start]), [['search for the gunmen is under way', 'sitrep:org/rosgvardia', 16]]);
  assert.equal(at('House committee')?.id, 'sitrep:org/us-house');
  assert.equal(a.entities.some((e) => e.text === 'House'), false);
  assert.deepEqual([at('Afghan')?.type, at('Afghan')?.name], ['NORP', 'Afghan']);
  const people = a.entities.filter((e) => e.type === 'PERSON');
  assert.deepEqual(
    people.map((p) => [p.text, p.start, p.name]),
    [
      ['Abu Karim al-Tamimi al-Shammari', 152, 'Abu Karim al-Tamimi al-Shammari'],
      ['al-Shammari', 222, 'Abu Karim al-Tamimi al-Shammari'],
    ],
  );
  assert.equal(people[0].id, people[1].id);
});

test('names inside dates, and sentence-initial common words, are no entities', () => {
  const text = 'Counterterrorism teams met on New Year’s Eve 2023. Their counterterrorism budget grew. Kessler spoke.';
  const mention = (surface: string, type: EntityMention['type'], id?: string): EntityMention => {
    const start = text.indexOf(surface);
    return { start, end: start + surface.length, text: surface, type, ...(id ? { id } : {}) };
  };
  const dates = annotate(article(text)).dates;
  assert.deepEqual(dates.map((d) => d.text), ['New Year’s Eve 2023']);
  const found = [mention('Counterterrorism', 'ORG'), mention('New Year', 'LOC'), mention('Their', 'ORG', 'org:their'), mention('Kessler', 'ORG')];
  const sentences = annotate(article(text)).sentences;
  assert.deepEqual(outsideDates(found, dates).map((e) => e.text), ['Counterterrorism', 'Their', 'Kessler']);
  // "Their" is linked, "Kessler" has no lower-case twin in the text: both stay.
  assert.deepEqual(withoutCommonWords(text, sentences, found).map((e) => e.text), ['New Year', 'Their', 'Kessler']);
});

test('a town the matcher took by size is linked again with the countries the rest of the text names', () => {
  const text = 'A grenade went off outside a market in Hyderabad on Tuesday. Officials in Sindh and Islamabad said Pakistan would send troops.';
  const place = (a: Annotations, name: string) => a.entities.find((e) => e.text === name);
  assert.deepEqual(
    ['Hyderabad', 'Sindh'].map((n) => [n, place(annotate(article(text)), n)?.id]),
    [
      ['Hyderabad', 'geo:1176734'],
      ['Sindh', 'geo:admin1/PK.05'],
    ],
  );
  // Alone, or beside a far smaller namesake's country, the bigger place stays.
  assert.equal(place(annotate(article('Traffic stalled across Hyderabad on Tuesday.')), 'Hyderabad')?.id, 'geo:1269843');
  assert.equal(place(annotate(article('Snow closed schools in Moscow, officials in the United States said.')), 'Moscow')?.id, 'geo:524901');
});

test('a known person is found in the name of their administration', () => {
  const text = 'President Ilse Marwick met Governor Tomas Hollis in Ottawa. A Marwick Administration spokesman said later that Hollis would stay.';
  const people = annotate(article(text)).entities.filter((e) => e.type === 'PERSON');
  assert.deepEqual(
    people.map((p) => [p.text, p.start, p.name]),
    [
      ['Ilse Marwick', 10, 'Ilse Marwick'],
      ['Tomas Hollis', 36, 'Tomas Hollis'],
      ['Marwick', 62, 'Ilse Marwick'],
      ['Hollis', 111, 'Tomas Hollis'],
    ],
  );
});
