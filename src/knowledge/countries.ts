// Countries and nationality words, from the world-countries package plus data/country-aliases.json and
// data/demonyms.json (the everyday forms the package lacks: "Tajik", "Chechen", "Britain").
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { packagePath } from '../paths.js';
import { freezeEntity, type KnownEntity } from './entity.js';
import { foldKey } from './normalize.js';

interface WorldCountry {
  name: { common: string; official: string };
  cca2: string;
  altSpellings: string[];
  latlng: [number, number];
  demonyms?: { eng?: { m: string; f: string } };
}

export interface Demonym {
  country: string;
  /** The country or region the word refers to ("Tajikistan", "Chechnya"). */
  name: string;
}

export interface CountryData {
  countries: KnownEntity[];
  byCode: Map<string, KnownEntity>;
  /** Folded name or alias -> countries of that name. */
  byKey: Map<string, KnownEntity[]>;
  /** One NORP entity per people ("Tajik", "Tajiks" -> Tajikistan), for matching in text. */
  nationalities: KnownEntity[];
  demonyms: Map<string, Demonym>;
}

const LATIN = /^[\p{Script=Latin}\p{N}\s.,'’()-]+$/u;

let data: CountryData | null = null;

export function countryData(): CountryData {
  data ??= buildCountries();
  return data;
}

export function countryId(code: string): string {
  return `iso:${code}`;
}

function buildCountries(): CountryData {
  const world = createRequire(import.meta.url)('world-countries') as WorldCountry[];
  const extraNames = readData<{ aliases: Record<string, string[]> }>('country-aliases.json').aliases;
  const countries: KnownEntity[] = [];
  const byCode = new Map<string, KnownEntity>();
  const byKey = new Map<string, KnownEntity[]>();
  for (const c of world) {
    // altSpellings mixes codes ("RU") and native scripts; keep readable Latin names longer than a code.
    const names = [c.name.common, c.name.official, ...c.altSpellings.filter((n) => n.length > 3 && LATIN.test(n) && !n.includes(', ')), ...(extraNames[c.cca2] ?? [])];
    const entity: KnownEntity = freezeEntity({
      id: countryId(c.cca2),
      name: c.name.common,
      type: 'GPE',
      kind: 'country',
      aliases: unique(names),
      country: c.cca2,
      lat: c.latlng[0],
      lon: c.latlng[1],
    });
    countries.push(entity);
    byCode.set(c.cca2, entity);
    for (const key of new Set(entity.aliases.map(foldKey))) byKey.set(key, [...(byKey.get(key) ?? []), entity]);
  }

  const demonyms = new Map<string, Demonym>();
  const addDemonym = (word: string, country: string, name: string): void => {
    demonyms.set(foldKey(word), { country, name });
  };
  for (const c of world) {
    const eng = c.demonyms?.eng;
    if (eng) for (const word of [eng.m, eng.f]) if (word) addDemonym(word, c.cca2, c.name.common);
  }
  // The data file wins over the package ("Tadzhik" there, "Tajik" in the news).
  const extra = readData<{ entries: Record<string, [string, string]> }>('demonyms.json').entries;
  for (const [word, [country, name]] of Object.entries(extra)) addDemonym(word, country, name);

  return { countries, byCode, byKey, nationalities: nationalityEntities(world, extra, byCode), demonyms };
}

/** Groups demonym words by the place they refer to, one NORP entity per place, with plural forms. */
function nationalityEntities(
  world: WorldCountry[],
  extra: Record<string, [string, string]>,
  byCode: Map<string, KnownEntity>,
): KnownEntity[] {
  const groups = new Map<string, { country: string; place: string; words: string[] }>();
  const add = (word: string, country: string, place: string): void => {
    const key = `${country}/${place}`;
    const group = groups.get(key) ?? { country, place, words: [] };
    group.words.push(word);
    groups.set(key, group);
  };
  // The data file's words first, so they name the entity ("Tajik", not the package's "Tadzhik").
  for (const [word, [country, place]] of Object.entries(extra)) add(word, country, place);
  for (const c of world) {
    const eng = c.demonyms?.eng;
    if (eng?.m) add(eng.m, c.cca2, c.name.common);
  }

  const entities: KnownEntity[] = [];
  for (const { country, place, words } of groups.values()) {
    const regional = place !== byCode.get(country)?.name;
    const forms = unique(words.flatMap((w) => [w, plural(w)]));
    const entity: KnownEntity = {
      id: regional ? `sitrep:nationality/${country}/${slug(place)}` : `sitrep:nationality/${country}`,
      name: words[0] ?? place,
      type: 'NORP',
      kind: regional ? 'regional-group' : 'nationality',
      aliases: forms,
      country,
    };
    entities.push(freezeEntity(entity));
  }
  return entities;
}

/** English plural of a demonym noun: Tajik -> Tajiks; adjectives in -ese, -ish, -ch, -ss stay as they are. */
function plural(word: string): string {
  return /(?:ese|sh|ch|ss|s|x|z)$/.test(word) ? word : `${word}s`;
}

function slug(s: string): string {
  return foldKey(s).replace(/ /g, '-');
}

function unique(names: string[]): string[] {
  return [...new Set(names.filter((n) => n.trim() !== ''))];
}

function readData<T>(file: string): T {
  return JSON.parse(readFileSync(packagePath('src/knowledge/data', file), 'utf8')) as T;
}
