// Places: GeoNames cities of 1000+ people (data/towns.json and data/small-towns.tsv.gz), first-level regions
// (data/admin1.json; all three built from npm packages by scripts/build-gazetteer.ts), countries, and an exonym
// table (data/exonyms.json: Cologne -> Köln DE, Gaza -> the Gaza Strip). Same-named places are told apart by the
// countries in context, then by kind and population. Generic words (compass points, "Centre") never name a town or
// region, whatever the gazetteer holds.
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { packagePath } from '../paths.js';
import { countryData, countryId } from './countries.js';
import { freezeEntity, type KnownEntity, type LinkContext } from './entity.js';
import { foldKey, MAX_NAME_LENGTH } from './normalize.js';
import { matchingRules } from './rules.js';

/** A populated place, as stored in data/towns.json or data/small-towns.tsv.gz. */
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

/** A place a name may denote, with how strongly the name suggests it. */
interface PlaceHit {
  place: Place;
  weight: number;
}

interface Gazetteer {
  towns: Town[];
  regions: Map<string, Region>;
  byKey: Map<string, Place[]>;
  /** Folded exonym -> the GeoNames name and country it stands for. */
  exonyms: Map<string, { name: string; country: string }>;
  /** Folded GeoNames name + country -> exonyms that point at it, to list them as aliases. */
  exonymsOf: Map<string, string[]>;
  /** Folded generic words (matching.json genericPlaceWords). */
  generic: Set<string>;
}

/** Towns at least this big are in data/towns.json, read whole; smaller ones in data/small-towns.tsv.gz, searched. */
export const TOWN_MIN_POPULATION = 15000;

// A bare region name more often means its main town ("Kabul"), so a region counts a quarter of its population;
// a name listed as an exonym means its target first ("Washington" is the capital, not the state).
const REGION_WEIGHT = 0.25;
const EXONYM_WEIGHT = 10;
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
  const generic = new Set(matchingRules().genericPlaceWords.map(foldKey));
  gazetteer = { towns, regions, byKey, exonyms, exonymsOf, generic };
  return gazetteer;
}

function addTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** The fields of a line of data/small-towns.tsv.gz, in order (tab-separated). */
export const SMALL_TOWN_FIELDS = ['lettersKey', 'geonameId', 'name', 'country', 'admin1', 'population', 'lat', 'lon'] as const;

/**
 * Towns below TOWN_MIN_POPULATION: the lines of data/small-towns.tsv.gz, sorted by letters key (see lettersKey),
 * so a name is found by bisection. Nothing is indexed up front, and a line becomes a Town only when asked for.
 */
interface SmallTowns {
  text: string;
  /** Where each line starts in `text`, and (last) where the last one ends. */
  starts: Int32Array;
  byId: Map<number, number> | null;
  /** Line index -> the line as a Town, built once: the same few names are looked up again and again. */
  towns: Map<number, Town>;
}

let smallTowns: SmallTowns | null = null;

function loadSmallTowns(): SmallTowns {
  if (smallTowns) return smallTowns;
  const text = gunzipSync(readFileSync(packagePath('src/knowledge/data/small-towns.tsv.gz'))).toString('utf8');
  const starts: number[] = [];
  for (let at = 0; at < text.length; ) {
    const end = text.indexOf('\n', at);
    if (text[at] !== '#') starts.push(at);
    at = end === -1 ? text.length : end + 1;
  }
  starts.push(text.length);
  smallTowns = { text, starts: Int32Array.from(starts), byId: null, towns: new Map() };
  return smallTowns;
}

/** Line i's fields (see SMALL_TOWN_FIELDS). */
function smallTownLine(small: SmallTowns, i: number): string[] {
  return small.text.slice(small.starts[i]!, small.starts[i + 1]!).trimEnd().split('\t');
}

/** Line i's letters key: its first field. */
function smallTownKey(small: SmallTowns, i: number): string {
  const from = small.starts[i]!;
  return small.text.slice(from, small.text.indexOf('\t', from));
}

/** GeoNames id -> line, from each line's second field (the rest of the line is not read). */
function smallTownIds(small: SmallTowns): Map<number, number> {
  const ids = new Map<number, number>();
  for (let i = 0; i < small.starts.length - 1; i++) {
    const from = small.text.indexOf('\t', small.starts[i]!) + 1;
    ids.set(Number(small.text.slice(from, small.text.indexOf('\t', from))), i);
  }
  return ids;
}

function smallTown(small: SmallTowns, i: number): Town {
  let town = small.towns.get(i);
  if (!town) {
    const [, id, name, country, admin, population, lat, lon] = smallTownLine(small, i) as [string, string, string, string, string, string, string, string];
    town = { id: Number(id), name, key: foldKey(name), country, admin, population: Number(population), lat: Number(lat), lon: Number(lon) };
    small.towns.set(i, town);
  }
  return town;
}

/** Small towns whose folded name is `key`; `surface` is the name as given, for the quick letters-only search. */
function smallTownsNamed(surface: string, key: string): Town[] {
  const letters = lettersKey(surface);
  if (letters === '') return [];
  const small = loadSmallTowns();
  // The first line whose letters key is not below `letters`.
  let lo = 0;
  let hi = small.starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (smallTownKey(small, mid) < letters) lo = mid + 1;
    else hi = mid;
  }
  const towns: Town[] = [];
  for (let i = lo; i < small.starts.length - 1 && smallTownKey(small, i) === letters; i++) {
    const town = smallTown(small, i);
    if (town.key === key) towns.push(town);
  }
  return towns;
}

/** A name's lower-case ASCII letters and digits (accents removed), the small towns' quick index key. */
export function lettersKey(name: string): string {
  const lower = name.toLowerCase();
  return (/^[\x00-\x7f]*$/.test(lower) ? lower : lower.normalize('NFKD')).replace(/[^a-z0-9]/g, '');
}

/** A region's name as written, plus the forms news use: "Maidan Wardak Province" -> "Maidan Wardak", "Moscow Oblast" -> "Moscow Region". */
function regionNames(name: string): string[] {
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
function placesFor(surface: string, key: string, wanted: readonly string[]): PlaceHit[] {
  const g = load();
  if (g.generic.has(key)) return [];
  const hits = (g.byKey.get(key) ?? []).map((place) => ({ place, weight: placeWeight(place) }));
  const exonym = g.exonyms.get(key);
  if (exonym) {
    for (const place of g.byKey.get(foldKey(exonym.name)) ?? []) {
      if (placeCountry(place) === exonym.country) hits.push({ place, weight: placeWeight(place) * EXONYM_WEIGHT });
    }
  }
  const satisfied = wanted.length === 0 ? hits.length > 0 : hits.some((h) => wanted.includes(placeCountry(h.place)));
  if (!satisfied) for (const town of smallTownsNamed(surface, key)) hits.push({ place: { town }, weight: town.population });
  return hits;
}

/** The best place called `name` (a country, region or town), preferring countries given in context. */
export function lookupPlace(name: string, context?: LinkContext): KnownEntity | null {
  if (name.length > MAX_NAME_LENGTH) return null;
  const key = foldKey(name);
  if (key === '') return null;
  const countryHits = countryData().byKey.get(key) ?? [];
  const places = placesFor(name, key, context?.countries ?? []);
  if (countryHits.length === 0 && places.length === 0) return null;

  const rank = contextRank(context);
  let best: KnownEntity | Place | null = null;
  let bestScore: [number, number, number] = [Infinity, Infinity, Infinity];
  const consider = (candidate: KnownEntity | Place, country: string | undefined, isCountry: boolean, weight: number): void => {
    const score: [number, number, number] = [rank(country), isCountry ? 0 : 1, -weight];
    if (lessThan(score, bestScore)) {
      best = candidate;
      bestScore = score;
    }
  };
  for (const c of countryHits) consider(c, c.country, true, 0);
  // Only the winner becomes an entity.
  for (const { place, weight } of places) consider(place, placeCountry(place), false, weight);
  if (best === null) return null;
  const winner: KnownEntity | Place = best;
  return 'town' in winner || 'region' in winner ? placeEntity(winner) : winner;
}

/** 0 for a place in one of the context's countries, else 1. Only membership counts, not the order: an article
 * about Russia that mentions the US more often still means the Russian Moscow, the bigger one. */
function contextRank(context?: LinkContext): (country: string | undefined) => number {
  const wanted = new Set(context?.countries ?? []);
  return (country) => (country !== undefined && wanted.has(country) ? 0 : 1);
}

function lessThan(a: readonly number[], b: readonly number[]): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return (a[i] ?? 0) < (b[i] ?? 0);
  return false;
}

function placeWeight(place: Place): number {
  return 'town' in place ? place.town.population : place.region.population * REGION_WEIGHT;
}

function placeCountry(place: Place): string {
  return 'town' in place ? place.town.country : place.region.country;
}

// Entities are frozen, so one per town or region serves every caller.
const entities = new WeakMap<Town | Region, KnownEntity>();

function placeEntity(place: Place): KnownEntity {
  if ('region' in place) return regionEntity(place.region);
  return onceFor(place.town, townEntity);
}

function onceFor<T extends Town | Region>(source: T, build: (source: T) => KnownEntity): KnownEntity {
  let entity = entities.get(source);
  if (!entity) {
    entity = build(source);
    entities.set(source, entity);
  }
  return entity;
}

function townEntity(town: Town): KnownEntity {
  const g = load();
  const regionCode = `${town.country}.${town.admin}`;
  return freezeEntity({
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
  });
}

function regionId(code: string): string {
  return `geo:admin1/${code}`;
}

function regionEntity(region: Region): KnownEntity {
  return onceFor(region, (r) =>
    freezeEntity({
      id: regionId(r.code),
      name: r.name,
      type: 'GPE',
      kind: 'admin-region',
      aliases: [...regionNames(r.name), ...(load().exonymsOf.get(`${foldKey(r.name)}|${r.country}`) ?? [])],
      parent: countryId(r.country),
      country: r.country,
      lat: r.lat,
      lon: r.lon,
      population: r.population,
    }),
  );
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
  let town = townById.get(n);
  if (!town) {
    const small = loadSmallTowns();
    small.byId ??= smallTownIds(small);
    const i = small.byId.get(n);
    if (i !== undefined) town = smallTown(small, i);
  }
  return town ? placeEntity({ town }) : null;
}

/** Names worth finding in running text: of towns of at least `minPopulation` (with exonyms) and of all regions;
 * never a generic word. */
export function placeNamesForMatching(minPopulation: number): Array<{ name: string; entity: KnownEntity; weight: number }> {
  const g = load();
  const out: Array<{ name: string; entity: KnownEntity; weight: number }> = [];
  const add = (name: string, entity: KnownEntity, weight: number): void => {
    if (!g.generic.has(foldKey(name))) out.push({ name, entity, weight });
  };
  for (const town of g.towns) {
    if (town.population < minPopulation) continue;
    const entity = placeEntity({ town });
    for (const name of entity.aliases) add(name, entity, name === town.name ? town.population : town.population * EXONYM_WEIGHT);
  }
  for (const region of g.regions.values()) {
    const entity = regionEntity(region);
    const weight = region.population * REGION_WEIGHT;
    const exonyms = g.exonymsOf.get(`${foldKey(region.name)}|${region.country}`) ?? [];
    for (const name of entity.aliases) add(name, entity, exonyms.includes(name) ? weight * EXONYM_WEIGHT : weight);
  }
  return out;
}

function readData<T>(file: string): T {
  return JSON.parse(readFileSync(packagePath('src/knowledge/data', file), 'utf8')) as T;
}
