import { test } from 'node:test';
import assert from 'node:assert/strict';
import { comparePlaces, placesCompatible, spellingKey } from '../../src/events/places.js';
import { daysApart, datesCompatible } from '../../src/events/dates.js';
import type { Place } from '../../src/types.js';

const p = (name: string): Place => ({ name, country: null, lat: null, lon: null });

test('venue spellings that differ by transliteration share a key', () => {
  assert.equal(spellingKey('Krokus City Hall'), spellingKey('Crocus City Hall'));
  assert.equal(spellingKey('The Castell Arena'), spellingKey('Kastel Arena'));
  assert.notEqual(spellingKey('Castell Arena'), spellingKey('Castle Arena'));
});

test('by name: administrative words are ignored and a short name may open a long one', () => {
  assert.equal(placesCompatible(p('Moscow'), p('Moscow Oblast')), true);
  assert.equal(placesCompatible(p('Moscow Region'), p('Moscow Oblast')), true);
  assert.equal(placesCompatible(p('Krokus'), p('Crocus City Hall')), true);
  assert.equal(placesCompatible(p('York'), p('New York')), false);
  assert.equal(placesCompatible(p('Lakeside Arena'), p('Harbour Arena')), false);
});

test('by coordinates: within 60 km is the same location', () => {
  const a = { ...p('Alpha'), lat: 55.75, lon: 37.62 };
  const near = { ...p('Beta'), lat: 55.82, lon: 37.33 };
  const far = { ...p('Gamma'), lat: 53.24, lon: 34.36 };
  assert.equal(placesCompatible(a, near), true);
  assert.equal(placesCompatible(a, far), false);
});

test('a venue on one side and only a town on the other is unknown, not a conflict', () => {
  const venue = { name: 'Lakeside Arena', entityType: 'FAC' };
  const town = { name: 'Northfield', entityType: 'GPE' };
  const other = { name: 'Southfield', entityType: 'GPE' };
  assert.equal(comparePlaces([venue], [town]), 'unknown');
  assert.equal(comparePlaces([town], [other]), 'conflict');
  assert.equal(comparePlaces([venue, town], [{ ...town, name: 'northfield' }]), 'match');
});

test('dates of different precision compare as day ranges', () => {
  assert.equal(daysApart('2031-05-08', '2031-05-09'), 1);
  assert.equal(daysApart('2031-05', '2031-05-20'), 0);
  assert.equal(daysApart('2015', '2031-05-09'), 5608);
  assert.equal(datesCompatible('2031-05-07', '2031-05-09', 2), true);
  assert.equal(datesCompatible('2031-05-06', '2031-05-09', 2), false);
  assert.equal(daysApart('not a date', '2031-05-09'), null);
});
