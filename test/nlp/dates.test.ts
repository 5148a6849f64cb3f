import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findDates } from '../../src/nlp/dates.js';

// A Saturday: "on Friday" is the day before.
const PUBLISHED = '2024-03-23';

/** [text, value, precision] of every date found, checking each span against the text. */
function dates(text: string, published: string | null = PUBLISHED): Array<[string, string, string]> {
  return findDates(text, published).map((d) => {
    assert.equal(text.slice(d.start, d.end), d.text);
    return [d.text, d.value, d.precision];
  });
}

test('weekdays lean to the past', () => {
  assert.deepEqual(dates('The hall was attacked on Friday night.'), [['Friday night', '2024-03-22', 'day']]);
  assert.deepEqual(dates('Officials met on Sunday.'), [['Sunday', '2024-03-17', 'day']]);
  assert.deepEqual(dates('They will meet next Friday.'), [['next Friday', '2024-03-29', 'day']]);
  assert.deepEqual(dates('Police said yesterday that four were held.'), [['yesterday', '2024-03-22', 'day']]);
});

test('explicit days, months and ranges', () => {
  assert.deepEqual(dates('On 22 March 2024, gunmen opened fire.'), [['22 March 2024', '2024-03-22', 'day']]);
  assert.deepEqual(dates('The FSB said on March 7 it had foiled a plot.'), [['March 7', '2024-03-07', 'day']]);
  assert.deepEqual(dates('Turnout in March 2024 was low.'), [['March 2024', '2024-03', 'month']]);
  assert.deepEqual(dates('Talks ran from March 1 to March 5.'), [['March 1 to March 5', '2024-03-01/2024-03-05', 'range']]);
  assert.deepEqual(dates('The cell was active between 2015 and 2017.'), [['between 2015 and 2017', '2015/2017', 'range']]);
});

test('news refiners: last July, early March, bare years', () => {
  assert.deepEqual(dates('He travelled abroad last July.'), [['last July', '2023-07', 'month']]);
  assert.deepEqual(dates('Warnings were shared in early March.'), [['early March', '2024-03-01/2024-03-10', 'range']]);
  assert.deepEqual(dates('Rebels took the town in late February 2023.'), [['late February 2023', '2023-02-21/2023-02-28', 'range']]);
  assert.deepEqual(dates('The branch was founded in 2015 by defectors.'), [['2015', '2015', 'year']]);
  assert.deepEqual(dates('It has grown since 2021.'), [['2021', '2021', 'year']]);
});

test('fixed-date holidays fall on their last occurrence', () => {
  assert.deepEqual(dates('The market was attacked on Christmas Eve and again on New Year’s Day 2023.'), [
    ['Christmas Eve', '2023-12-24', 'day'],
    ['New Year’s Day 2023', '2023-01-01', 'day'],
  ]);
});

test('"N years earlier" counts from the nearest explicit date before it', () => {
  assert.deepEqual(dates('In January, bombs hit a memorial for a general killed in a strike four years earlier.'), [
    ['January', '2024-01', 'month'],
    ['four years earlier', '2020', 'year'],
  ]);
  // Without an anchor the expression is left out rather than counted from the publication date.
  assert.deepEqual(dates('Two weeks before the concert, a warning was passed on.'), []);
});

test('durations, "now" and look-alikes are not dates', () => {
  assert.deepEqual(dates('The group has been fixated on Russia for the past two years.'), []);
  assert.deepEqual(dates('Several incidents were reported within the past month.'), []);
  assert.deepEqual(dates('He is now a senior adviser.'), []);
  assert.deepEqual(dates('The threat may persist in 20 years.'), []);
  assert.deepEqual(dates('The Sun reported the claim.'), []);
});

test('relative periods, decades and lists of years', () => {
  assert.deepEqual(dates('The cell was broken up last week, and more raids are planned this year.'), [
    ['last week', '2024-03-16', 'day'],
    ['this year', '2024', 'year'],
  ]);
  assert.deepEqual(dates('The movement grew in the 1980s.'), [['the 1980s', '1980/1989', 'range']]);
  assert.deepEqual(dates('Attacks came in 2015 and 2018.'), [
    ['2015', '2015', 'year'],
    ['2018', '2018', 'year'],
  ]);
});

test('ages and counts are not years', () => {
  assert.deepEqual(dates('The 33 year old said 2015 people had signed.'), []);
  assert.deepEqual(dates('He is 33 years old.'), []);
});

test('without a publication date only self-contained dates remain', () => {
  const text = 'On Friday, and on 22 March 2024, and yesterday, and in 2015.';
  assert.deepEqual(dates(text, null), [
    ['22 March 2024', '2024-03-22', 'day'],
    ['2015', '2015', 'year'],
  ]);
});

test('without a publication date, a yearless date takes a year only from evidence in the text', () => {
  const text = [
    'On March 7 the agency said it had foiled a plot; three plots were foiled between 2018 and March 2022.',
    'The cell first struck in 2021. In January a bomb went off, and on March 9 another. Gunmen came on Friday, March 22.',
    'The trial opened on Sunday, March 22. The verdict is due in 2026.',
  ].join('\n\n');
  assert.deepEqual(dates(text, null), [
    // "March 7" has no dated mention before it in its paragraph: a year stated elsewhere is no evidence.
    ['March 2022', '2022-03', 'month'],
    ['2021', '2021', 'year'],
    ['January', '2021-01', 'month'],
    ['March 9', '2021-03-09', 'day'],
    // March 22 was a Monday in 2021 and a Sunday in 2026: "Friday" fits no year the text states.
    ['Sunday, March 22', '2026-03-22', 'day'],
    ['2026', '2026', 'year'],
  ]);
  assert.deepEqual(dates('Officials met on Friday and will meet again this May.', null), [], 'relative dates need a publication date');
});
