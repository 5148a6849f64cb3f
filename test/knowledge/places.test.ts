import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { catalogEntries } from '../../src/knowledge/catalog.js';
import { getEntity, linkName, lookupPlace, matchKnown, parentChain } from '../../src/knowledge/index.js';
import { packagePath } from '../../src/paths.js';

function spans(text: string): string[] {
  return matchKnown(text).map((m) => `${m.text}=${m.entity.id}`);
}

/** Great-circle distance in km. */
function km(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const rad = Math.PI / 180;
  const h = Math.sin(((b.lat - a.lat) * rad) / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(((b.lon - a.lon) * rad) / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(h));
}

describe('world regions', () => {
  it('links continents, regions, seas and straits to located entities with parents', () => {
    const sea = linkName('Southeast Asia', 'LOC');
    assert.equal(sea?.id, 'Q11708');
    assert.equal(sea?.type, 'LOC');
    assert.deepEqual(parentChain('Q11708').map((e) => e.id), ['Q48']);
    assert.equal(linkName('South-East Asia')?.id, 'Q11708');
    assert.equal(linkName('Europe')?.id, 'Q46');
    assert.equal(linkName('Middle East')?.id, 'Q7204');
    assert.equal(linkName('the Sahel', 'LOC')?.id, 'sitrep:loc/sahel', 'the region, not the Sahel province of Burkina Faso');
    assert.equal(linkName('Strait of Hormuz')?.kind, 'strait');
    const caucasus = linkName('North Caucasus');
    assert.equal(caucasus?.country, 'RU');
    assert.equal(caucasus?.parent, 'Q18869');
    for (const region of catalogEntries().filter((e) => e.type === 'LOC')) {
      assert.ok(region.lat !== undefined && region.lon !== undefined, `${region.id} has no point`);
    }
  });

  it('finds a whole region name in running text, never a town inside it', () => {
    assert.deepEqual(spans('cells from West Africa to Southeast Asia, and in the Caucasus.'), [
      'West Africa=Q4412',
      'Southeast Asia=Q11708',
      'Caucasus=Q18869',
    ]);
    assert.deepEqual(spans('He toured Asia and the Middle East.'), ['Asia=Q48', 'Middle East=Q7204']);
    assert.deepEqual(spans('militants from Central Asian states'), ['Central Asian=sitrep:norp/central-asian']);
  });

  it('answers lookupPlace with a curated region before any namesake town', () => {
    const asia = lookupPlace('Asia');
    assert.equal(asia?.id, 'Q48');
    assert.equal(asia?.lat, 34);
    assert.equal(lookupPlace('Levant')?.id, 'sitrep:loc/levant', 'not Levant, Maine');
  });
});

describe('generic place words', () => {
  it('never links a compass point or "Centre" to a town or region', () => {
    for (const word of ['South', 'North', 'East', 'Centre', 'Central', 'Capital', 'Southeast']) {
      assert.equal(lookupPlace(word), null, word);
      assert.equal(linkName(word, 'LOC'), null, word);
    }
    assert.deepEqual(spans('They came from the South and the North.'), []);
  });

  it('reads a bare "West" tagged as a place as the Western world, not West, Texas', () => {
    const west = linkName('West', 'LOC');
    assert.equal(west?.id, 'sitrep:loc/western-world');
    assert.equal(linkName('west', 'LOC'), null, 'only with its capital');
    assert.equal(lookupPlace('West'), null);
    assert.equal(linkName('Gulf', 'LOC')?.id, 'sitrep:loc/persian-gulf');
  });

  it('leaves countries and longer names that start with a compass point alone', () => {
    assert.equal(lookupPlace('South Africa')?.id, 'iso:ZA');
    assert.equal(lookupPlace('South Sudan')?.id, 'iso:SS');
    assert.equal(lookupPlace('Georgia')?.id, 'iso:GE');
    assert.equal(linkName('West Virginia')?.id, 'geo:admin1/US.WV');
    assert.deepEqual(spans('raids in the West Bank'), ['West Bank=geo:admin1/PS.WE']);
  });
});

describe('parts of countries', () => {
  it('links England to its region of the United Kingdom, not to the country', () => {
    const england = linkName('England');
    assert.equal(england?.id, 'geo:admin1/GB.ENG');
    assert.equal(england?.country, 'GB');
    assert.deepEqual(parentChain(england?.id ?? '').map((e) => e.id), ['iso:GB']);
    assert.equal(linkName('Britain')?.id, 'iso:GB');
  });

  it('reads Gaza as the Gaza Strip and Gaza City as the city', () => {
    assert.equal(lookupPlace('Gaza')?.id, 'geo:admin1/PS.GZ');
    assert.equal(lookupPlace('Gaza City')?.id, 'geo:281133');
    assert.deepEqual(spans('the war in Gaza reached Gaza City'), ['Gaza=geo:admin1/PS.GZ', 'Gaza City=geo:281133']);
  });

  it('knows conflict places under their news spellings, and the localities GeoNames lacks', () => {
    assert.equal(lookupPlace('Jenin')?.country, 'PS', 'not the Polish village of Jenin');
    assert.equal(lookupPlace('Derna')?.country, 'LY', 'not the Romanian village of Derna');
    assert.equal(lookupPlace('Khan Younis')?.id, 'geo:281124');
    assert.equal(lookupPlace('Hodeidah')?.country, 'YE');
    assert.equal(lookupPlace('Mazar-i-Sharif')?.country, 'AF');
    assert.equal(lookupPlace('Ingushetia')?.id, 'geo:admin1/RU.19');
    const sderot = lookupPlace('Sderot');
    assert.equal(sderot?.country, 'IL');
    assert.ok(sderot?.lat !== undefined && Math.abs(sderot.lat - 31.5) < 0.1);
    assert.deepEqual(parentChain(linkName('North Waziristan')?.id ?? '').map((e) => e.id), ['sitrep:loc/waziristan']);
    assert.deepEqual(spans('a raid in Kibbutz Be\u2019eri near Sderot'), ['Kibbutz Be\u2019eri=sitrep:loc/beeri', 'Sderot=sitrep:loc/sderot']);
  });

  it('weighs context countries by membership, not by how often they are mentioned', () => {
    assert.equal(lookupPlace('Moscow', { countries: ['US', 'RU'] })?.country, 'RU', 'both in context: the bigger Moscow');
    assert.equal(lookupPlace('Moscow', { countries: ['US'] })?.country, 'US');
  });
});

describe('venues', () => {
  const venues = catalogEntries().filter((e) => e.type === 'FAC');
  const towns = (JSON.parse(readFileSync(packagePath('src/knowledge/data/towns.json'), 'utf8')) as { towns: Array<[number, string, string, string, string, number, number, number]> }).towns;

  it('all carry a point within 100 km of a town of their own country', () => {
    assert.ok(venues.length >= 80, `only ${venues.length} venues`);
    for (const venue of venues) {
      assert.ok(venue.lat !== undefined && venue.lon !== undefined && venue.country !== undefined, `${venue.id} has no point or country`);
      const point = { lat: venue.lat, lon: venue.lon };
      let nearest = Infinity;
      for (const [, , , country, , , lat, lon] of towns) if (country === venue.country) nearest = Math.min(nearest, km(point, { lat, lon }));
      assert.ok(nearest < 100, `${venue.id} is ${Math.round(nearest)} km from any town of ${venue.country}`);
    }
  });

  it('puts the Kabul airport beside Kabul and returns it from lookupPlace', () => {
    const airport = lookupPlace('Kabul airport');
    assert.equal(airport?.id, 'sitrep:fac/hamid-karzai-airport');
    const kabul = lookupPlace('Kabul');
    assert.ok(airport?.lat !== undefined && airport.lon !== undefined && kabul?.lat !== undefined && kabul.lon !== undefined);
    assert.ok(km({ lat: airport.lat, lon: airport.lon }, { lat: kabul.lat, lon: kabul.lon }) < 10);
    assert.equal(getEntity('sitrep:fac/crocus-city-hall')?.parent, 'sitrep:fac/crocus-expo');
  });
});
