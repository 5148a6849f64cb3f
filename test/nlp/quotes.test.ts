import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findQuotes } from '../../src/nlp/quotes.js';
import type { EntityMention, Quote } from '../../src/types.js';

/** A PERSON mention of `surface` (first occurrence at or after `from`), named `name`. */
function person(text: string, surface: string, name = surface, from = 0): EntityMention {
  const start = text.indexOf(surface, from);
  assert.ok(start >= 0, surface);
  return { start, end: start + surface.length, text: surface, type: 'PERSON', name, id: `person:${name}` };
}

function summary(text: string, quotes: Quote[]): Array<[string, string | null, string | null]> {
  return quotes.map((q) => {
    assert.equal(text.slice(q.start, q.end), q.text);
    const at = q.speaker?.start !== undefined ? text.slice(q.speaker.start, q.speaker.end) : null;
    return [q.text, q.speaker?.name ?? null, at];
  });
}

test('speaker after the quote, before it, inverted, and "according to"', () => {
  const text = [
    '"We will not stop," said Anna Berg, a spokeswoman for the ministry.',
    'Omar Hale told Reuters: "The hall was full."',
    '"Nobody expected it," Hale added.',
    'According to Lena Ruiz, "they fled by car."',
    '"The talks are over," the Kremlin said in a statement.',
  ].join('\n\n');
  const mentions = [person(text, 'Anna Berg'), person(text, 'Omar Hale'), person(text, 'Hale', 'Omar Hale', 80), person(text, 'Lena Ruiz')];
  assert.deepEqual(summary(text, findQuotes(text, mentions)), [
    ['We will not stop,', 'Anna Berg', 'Anna Berg'],
    ['The hall was full.', 'Omar Hale', 'Omar Hale'],
    ['Nobody expected it,', 'Omar Hale', 'Hale'],
    ['they fled by car.', 'Lena Ruiz', 'Lena Ruiz'],
    ['The talks are over,', 'Kremlin', 'Kremlin'],
  ]);
});

test('pronoun speakers resolve to the last person named before the quote', () => {
  const text = 'Mara Quell, a scholar of insurgencies, was blunt. “It was planned for months,” she said. Officials disagreed.';
  const quotes = findQuotes(text, [person(text, 'Mara Quell')]);
  assert.deepEqual(summary(text, quotes), [['It was planned for months,', 'Mara Quell', 'Mara Quell']]);
  assert.equal(quotes[0].speaker?.id, 'person:Mara Quell');

  // A name inside the quote is not the pronoun's antecedent.
  const inside = 'Mara Quell spoke next. “I warned Ivo Marsh twice,” she said.';
  const mentions = [person(inside, 'Mara Quell'), person(inside, 'Ivo Marsh')];
  assert.deepEqual(summary(inside, findQuotes(inside, mentions)), [['I warned Ivo Marsh twice,', 'Mara Quell', 'Mara Quell']]);
});

test('an adverb between speaker and verb', () => {
  const text = 'President Dana Kell now admits “mistakes” were made.';
  assert.deepEqual(summary(text, findQuotes(text, [person(text, 'Dana Kell')])), [['mistakes', 'Dana Kell', 'Dana Kell']]);
});

test('"it" speaks for the last organisation named, "they" for nobody in particular', () => {
  const text = 'The Northern Front posted a claim online. It said its men "withdrew safely" afterwards. They said "nothing more".';
  const front: EntityMention = { start: 4, end: 18, text: 'Northern Front', type: 'ORG', id: 'org:nf', name: 'Northern Front' };
  assert.deepEqual(summary(text, findQuotes(text, [front])), [
    ['withdrew safely', 'Northern Front', 'Northern Front'],
    ['nothing more', null, null],
  ]);
});

test('a speaker between two halves of one sentence attributes both', () => {
  const text = '“The danger,” Avel Dorn, the agency director, told a panel this week, “has not gone away.”';
  assert.deepEqual(summary(text, findQuotes(text, [person(text, 'Avel Dorn')])), [
    ['The danger,', 'Avel Dorn', 'Avel Dorn'],
    ['has not gone away.', 'Avel Dorn', 'Avel Dorn'],
  ]);
});

test('a quote continued over paragraphs is one quote', () => {
  const text = 'Ivo Marsh said: "The first point is simple.\n\n"The second one is harder," he added.';
  const quotes = findQuotes(text, [person(text, 'Ivo Marsh')]);
  assert.equal(quotes.length, 1);
  assert.equal(quotes[0].text, 'The first point is simple.\n\n"The second one is harder,');
  assert.equal(quotes[0].speaker?.name, 'Ivo Marsh');
});

test('a stray quote mark does not swallow the article', () => {
  const long = 'Words follow here without end. '.repeat(40);
  const text = `He measured 6 feet 2" that year.\n\nShe said "unfinished\n\n${long}\n\n"Closed properly," Ivo Marsh said.`;
  const quotes = findQuotes(text, []);
  assert.deepEqual(summary(text, quotes), [
    ['unfinished', null, null],
    ['Closed properly,', 'Ivo Marsh', 'Ivo Marsh'],
  ]);
  const hostile = `"${'x '.repeat(5000)}`;
  assert.deepEqual(findQuotes(hostile, []), []);
});

test('curly marks, and a closing mark written the wrong way round at the paragraph end', () => {
  const text = '“Anyone could be drawn in by this. “\n\nNext paragraph.';
  assert.deepEqual(summary(text, findQuotes(text, [])), [['Anyone could be drawn in by this.', null, null]]);
});

test('thousands of unbalanced marks complete quickly', () => {
  const text = ('a " b '.repeat(50) + '\n').repeat(2000);
  const started = performance.now();
  findQuotes(text, []);
  assert.ok(performance.now() - started < 3000);
});

/** A non-person mention of `surface`, linked when `id` is given. */
function mention(text: string, surface: string, type: EntityMention['type'], id?: string, name = surface): EntityMention {
  const start = text.indexOf(surface);
  assert.ok(start >= 0, surface);
  return { start, end: start + surface.length, text: surface, type, ...(id ? { id, name } : {}) };
}

test('organisations speak: a group noun after a name and lower-case modifiers', () => {
  const text = [
    'Within minutes, Freedonia’s border police said a “manhunt is under way” for the driver who, according to the agency Rapid Wire, fled north.',
    '“Nobody was hurt,” the regional emergencies ministry said.',
    '“Cells are spreading,” a U.N. report said.',
    'Freedonia’s coast guard said “two boats were seized” at dawn.',
  ].join('\n\n');
  const mentions = [
    mention(text, 'Freedonia', 'GPE', 'iso:FD'),
    mention(text, 'Rapid Wire', 'ORG', 'org:rapid-wire'),
    mention(text, 'U.N.', 'ORG', 'Q1065', 'United Nations'),
    mention(text, 'Freedonia’s coast guard', 'ORG', 'org:fd-coast-guard', 'Freedonian Coast Guard'),
  ];
  const quotes = findQuotes(text, mentions);
  assert.deepEqual(summary(text, quotes), [
    // The speaker and verb right before the quote win over the "according to" after it; the head of the
    // phrase is the police, not the country.
    ['manhunt is under way', 'Freedonia’s border police', 'Freedonia’s border police'],
    ['Nobody was hurt,', 'regional emergencies ministry', 'regional emergencies ministry'],
    ['Cells are spreading,', 'United Nations', 'U.N.'],
    ['two boats were seized', 'Freedonian Coast Guard', 'Freedonia’s coast guard'],
  ]);
  assert.equal(quotes[3].speaker?.id, 'org:fd-coast-guard');
  assert.equal(quotes[0].speaker?.id, undefined);
});

test('"the expert" is the expert named before; "an expert" is nobody in particular', () => {
  const text = 'But Lena Ruiz doubts the plan will work. “They will try again,” the security expert said. “A hall is a soft target,” a senior expert said. “Stay home,” the official said.';
  assert.deepEqual(summary(text, findQuotes(text, [person(text, 'Lena Ruiz')])), [
    ['They will try again,', 'Lena Ruiz', 'Lena Ruiz'],
    ['A hall is a soft target,', 'senior expert', 'senior expert'],
    ['Stay home,', 'official', 'official'],
  ]);
});
