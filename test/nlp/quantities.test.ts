import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findQuantities, parseNumber } from '../../src/nlp/quantities.js';

/** The one quantity found in `text`, as [text, min, max, approx, unit]. */
function only(text: string): [string, number | null, number | null, boolean, string | null] {
  const found = findQuantities(text);
  assert.equal(found.length, 1, `expected one quantity in ${JSON.stringify(text)}, got ${JSON.stringify(found)}`);
  const q = found[0];
  assert.equal(text.slice(q.start, q.end), q.text);
  return [q.text, q.min, q.max, q.approx, q.unit];
}

test('qualifiers bound the figure as ranges', () => {
  assert.deepEqual(only('The blast cost more than 90 lives on the day.'), ['more than 90 lives', 91, null, false, 'life']);
  assert.deepEqual(only('Police said at least 139 people died.'), ['at least 139 people', 139, null, false, 'people']);
  assert.deepEqual(only('Shelling killed as many as 170 civilians there.'), ['as many as 170 civilians', null, 170, false, 'civilian']);
  assert.deepEqual(only('It left around 100 others hurt.'), ['around 100 others', 100, 100, true, 'other']);
  // "nearly" reads conservatively (ACLED): the true figure is below it.
  assert.deepEqual(only('Nearly 150 were taken to hospital.'), ['Nearly 150', null, 149, true, null]);
  assert.deepEqual(only('Fewer than 20 soldiers stayed.'), ['Fewer than 20 soldiers', null, 19, false, 'soldier']);
});

test('vague amounts and written numbers', () => {
  assert.deepEqual(only('Dozens of people fled the fire.'), ['Dozens of people', 24, 99, false, 'people']);
  assert.deepEqual(only('The raid killed scores of fighters.'), ['scores of fighters', 40, 99, false, 'fighter']);
  assert.deepEqual(only('They wounded hundreds of others.'), ['hundreds of others', 200, 999, false, 'other']);
  assert.deepEqual(only('A dozen men were held.'), ['A dozen men', 12, 12, false, 'man']);
  assert.deepEqual(only('Four people were charged.'), ['Four people', 4, 4, false, 'people']);
  assert.deepEqual(only('The court heard that eleven remain.'), ['eleven', 11, 11, false, null]);
  assert.deepEqual(only('Twenty-five soldiers came home.'), ['Twenty-five soldiers', 25, 25, false, 'soldier']);
  assert.deepEqual(only('Four Tajik men appeared in court.'), ['Four Tajik men', 4, 4, false, 'man']);
  assert.equal(parseNumber('one hundred and fifty'), 150);
  assert.equal(parseNumber('2.5 million'), 2_500_000);
});

test('ranges and bare counts', () => {
  assert.deepEqual(only('It has 1,500 to 2,200 fighters.'), ['1,500 to 2,200 fighters', 1500, 2200, false, 'fighter']);
  assert.deepEqual(only('Between 10 and 12 hostages were freed.'), ['Between 10 and 12 hostages', 10, 12, false, 'hostage']);
  assert.deepEqual(only('Officers said 11 detained overnight.'), ['11 detained', 11, 11, false, 'detained']);
});

test('years, ages, times, dates and durations are not counts', () => {
  for (const text of [
    'The group was formed in 2015 in the east.',
    'A 33-year-old man was held.',
    'The suspect, aged 45, was held.',
    'They struck at 10:30 in the morning.',
    'Shots rang out at 8 pm.',
    'It happened on March 22, and again on 7 March.',
    'Two weeks before, a warning came.',
    'The COVID-19 rules were lifted.',
    'One of them escaped.',
  ]) {
    assert.deepEqual(findQuantities(text), [], text);
  }
});

test('money and percentages carry their unit', () => {
  assert.deepEqual(only('The fund paid $20 million out.'), ['$20 million', 20_000_000, 20_000_000, false, 'USD']);
  assert.deepEqual(only('Turnout fell to 3.5% overall.'), ['3.5%', 3.5, 3.5, false, '%']);
  assert.deepEqual(only('Each got 500 rubles in cash.'), ['500 rubles', 500, 500, false, 'RUB']);
});

test('two hundred thousand numbers are scanned in linear time', () => {
  const text = Array.from({ length: 200_000 }, (_, i) => String(i % 997)).join(', ');
  const started = performance.now();
  const found = findQuantities(text);
  assert.equal(found.length, 200_000);
  assert.ok(performance.now() - started < 5_000, 'took too long');
});

test('a dotted acronym before the noun is a modifier, not the unit', () => {
  assert.deepEqual(only('The drone strike killed 13 U.S. soldiers at the gate.'), ['13 U.S. soldiers', 13, 13, false, 'soldier']);
  assert.deepEqual(only('A raid freed 4 U.N. workers.'), ['4 U.N. workers', 4, 4, false, 'worker']);
});

test('adjectives between the figure and its noun are skipped', () => {
  assert.deepEqual(only('The cell planned 21 external plots last year.'), ['21 external plots', 21, 21, false, 'plot']);
  assert.deepEqual(only('Police held 3 suspected gunmen.'), ['3 suspected gunmen', 3, 3, false, 'gunman']);
});
