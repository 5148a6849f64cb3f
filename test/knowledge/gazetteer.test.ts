import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { demonym, getEntity, lookupPlace, parentChain } from '../../src/knowledge/index.js';

function near(actual: number | undefined, expected: number, tolerance: number, what: string): void {
  assert.ok(actual !== undefined && Math.abs(actual - expected) <= tolerance, `${what}: ${actual} is not within ${tolerance} of ${expected}`);
}

describe('lookupPlace', () => {
  it('reads Cologne as Köln in Germany, with coordinates', () => {
    const cologne = lookupPlace('Cologne');
    assert.ok(cologne);
    assert.equal(cologne.name, 'Köln');
    assert.equal(cologne.country, 'DE');
    assert.equal(cologne.type, 'GPE');
    assert.equal(cologne.kind, 'city');
    near(cologne.lat, 50.94, 0.1, 'latitude');
    near(cologne.lon, 6.96, 0.1, 'longitude');
    assert.ok(cologne.aliases.includes('Cologne'));
    assert.equal(getEntity(cologne.parent ?? '')?.name, 'North Rhine-Westphalia');
  });

  it('lets context pick a smaller namesake', () => {
    assert.equal(lookupPlace('Cologne', { countries: ['IT'] })?.country, 'IT');
    assert.equal(lookupPlace('Moscow')?.country, 'RU');
    const idaho = lookupPlace('Moscow', { countries: ['US'] });
    assert.equal(idaho?.country, 'US');
    assert.equal(getEntity(idaho?.parent ?? '')?.name, 'Idaho');
  });

  it('maps exonyms and old spellings to the current name', () => {
    assert.equal(lookupPlace('Kiev')?.name, 'Kyiv');
    assert.equal(lookupPlace('Kiev')?.country, 'UA');
    assert.equal(lookupPlace('Munich')?.country, 'DE');
    assert.equal(lookupPlace('München')?.id, lookupPlace('Munich')?.id);
    assert.equal(lookupPlace('Moskva')?.id, lookupPlace('Moscow')?.id);
    assert.equal(lookupPlace('Kandahar')?.country, 'AF', 'diacritics in GeoNames names (Kandahār) are folded');
  });

  it('places Krasnogorsk in Moscow Oblast, Russia', () => {
    const town = lookupPlace('Krasnogorsk');
    assert.ok(town);
    assert.equal(town.country, 'RU');
    near(town.lat, 55.82, 0.1, 'latitude');
    near(town.lon, 37.33, 0.1, 'longitude');
    assert.deepEqual(parentChain(town.id).map((e) => e.name), ['Moscow Oblast', 'Russia']);
  });

  it('knows first-level regions', () => {
    const nangarhar = lookupPlace('Nangarhar');
    assert.equal(nangarhar?.country, 'AF');
    assert.equal(nangarhar?.kind, 'admin-region');
    assert.equal(lookupPlace('Kunar')?.country, 'AF');
    assert.equal(lookupPlace('North Rhine-Westphalia')?.country, 'DE');
    assert.equal(lookupPlace('Moscow Oblast')?.id, 'geo:admin1/RU.47');
    assert.equal(lookupPlace('Moscow region')?.id, 'geo:admin1/RU.47');
    assert.equal(lookupPlace('Maidan Wardak')?.country, 'AF', 'a region is found without its "Province" suffix');
  });

  it('prefers a country to a namesake unless context says otherwise', () => {
    assert.equal(lookupPlace('Georgia')?.id, 'iso:GE');
    assert.equal(lookupPlace('Georgia', { countries: ['US'] })?.kind, 'admin-region');
    assert.equal(lookupPlace('Russia')?.kind, 'country');
    assert.equal(lookupPlace('Turkey')?.country, 'TR');
  });

  it('finds small towns that are not precomputed', () => {
    const magas = lookupPlace('Magas', { countries: ['RU'] });
    assert.equal(magas?.country, 'RU');
    assert.ok((magas?.population ?? Infinity) < 15000);
    assert.equal(getEntity(magas?.id ?? '')?.name, magas?.name);
  });

  it('returns null for unknown names', () => {
    assert.equal(lookupPlace('Qwxzv'), null);
    assert.equal(lookupPlace(''), null);
  });
});

describe('demonym', () => {
  it('maps nationality words to countries', () => {
    assert.deepEqual(demonym('Tajik'), { country: 'TJ', name: 'Tajikistan' });
    assert.deepEqual(demonym('Tajiks'), { country: 'TJ', name: 'Tajikistan' });
    assert.deepEqual(demonym('Russian'), { country: 'RU', name: 'Russia' });
    assert.equal(demonym('Afghan')?.country, 'AF');
    assert.equal(demonym('Kazakh')?.country, 'KZ');
    assert.equal(demonym('Uzbek')?.country, 'UZ');
    assert.equal(demonym('Kyrgyz')?.country, 'KG');
    assert.equal(demonym('French')?.country, 'FR');
    assert.equal(demonym('Icelandic')?.country ?? demonym('Icelander')?.country, 'IS');
  });

  it('maps regional peoples to their region and country', () => {
    assert.deepEqual(demonym('Chechen'), { country: 'RU', name: 'Chechnya' });
    assert.deepEqual(demonym('Dagestani'), { country: 'RU', name: 'Dagestan' });
  });

  it('returns null for other words', () => {
    assert.equal(demonym('table'), null);
    assert.equal(demonym(''), null);
  });
});
