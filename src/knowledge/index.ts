// The knowledge layer's public face: match known names in text, link a name to a canonical entity (a person
// also by a spelling-tolerant key), look up places, read demonyms, and walk parent chains (ISIS-K -> Islamic
// State). Everything loads lazily, once.
import type { EntityType } from '../types.js';
import { catalogEntries } from './catalog.js';
import { countryData } from './countries.js';
import type { KnownEntity, LinkContext } from './entity.js';
import { getPlace, lookupPlace as lookupGazetteer } from './gazetteer.js';
import { foldKey, nameKey, surfaceForms } from './normalize.js';
import { caseMatches, matchingRules, needsExactCase } from './rules.js';

export type { KnownEntity, KnownMatch, LinkContext } from './entity.js';
export { matchKnown } from './matcher.js';
export { nameKey } from './normalize.js';

const PLACE_TYPES: ReadonlySet<EntityType> = new Set(['GPE', 'LOC', 'FAC']);
/** A lone name shorter than this is not matched by its spelling-tolerant key: short skeletons are shared too
 * easily (Modi, Mady). */
const MIN_LONE_NAME_LENGTH = 6;

interface AliasEntry {
  alias: string;
  entity: KnownEntity;
}

interface Indexes {
  byId: Map<string, KnownEntity>;
  byAlias: Map<string, AliasEntry[]>;
  /** Curated places (world regions, localities, venues; all carry a point), by folded alias. */
  curatedPlaces: Map<string, AliasEntry[]>;
  /** People by the spelling key of the last word of their name and each alias, then of all its words; null
   * where two people share a key. Most names a tagger finds stop at the first lookup. */
  peopleBySpelling: Map<string, Map<string, KnownEntity | null>>;
}

let built: Indexes | null = null;

function indexes(): Indexes {
  if (built) return built;
  const { countries, nationalities } = countryData();
  const catalog = catalogEntries();
  const all = [...catalog, ...countries, ...nationalities];
  built = {
    byId: new Map(all.map((e) => [e.id, e])),
    byAlias: aliasIndex(all),
    curatedPlaces: aliasIndex(catalog.filter((e) => PLACE_TYPES.has(e.type))),
    peopleBySpelling: spellingIndex(catalog.filter((e) => e.type === 'PERSON')),
  };
  return built;
}

function spellingIndex(people: KnownEntity[]): Map<string, Map<string, KnownEntity | null>> {
  const index = new Map<string, Map<string, KnownEntity | null>>();
  for (const person of people) {
    for (const alias of [person.name, ...person.aliases]) {
      const words = nameWords(alias);
      if (words === null) continue;
      const last = nameKey(words[words.length - 1]);
      const byName = index.get(last) ?? new Map<string, KnownEntity | null>();
      index.set(last, byName);
      const key = words.map(nameKey).join(' ');
      byName.set(key, byName.has(key) && byName.get(key) !== person ? null : person);
    }
  }
  return index;
}

/** The person one of whose names matches `name` word by word by spelling key (`nameKey`). */
function personBySpelling(name: string): KnownEntity | null {
  const words = nameWords(name);
  const byName = words && indexes().peopleBySpelling.get(nameKey(words[words.length - 1]));
  return (byName && byName.get(words.map(nameKey).join(' '))) ?? null;
}

/** A name's words without initials, or null for a lone short name. */
function nameWords(name: string): string[] | null {
  const words = name.split(/\s+/).filter((w) => w !== '' && !/^\p{L}\.?$/u.test(w));
  return words.length === 0 || (words.length === 1 && words[0].length < MIN_LONE_NAME_LENGTH) ? null : words;
}

function aliasIndex(entities: KnownEntity[]): Map<string, AliasEntry[]> {
  const index = new Map<string, AliasEntry[]>();
  for (const entity of entities) {
    for (const alias of [entity.name, ...entity.aliases]) {
      const key = foldKey(alias);
      const list = index.get(key) ?? [];
      list.push({ alias, entity });
      index.set(key, list);
    }
  }
  return index;
}

/** An entity by id: knowledge base, country (`iso:RU`), nationality, or gazetteer place (`geo:...`). */
export function getEntity(id: string): KnownEntity | null {
  return indexes().byId.get(id) ?? (id.startsWith('geo:') ? getPlace(id) : null);
}

/** The entity's parents, nearest first (ISIS-K -> [Islamic State]; Krasnogorsk -> [Moscow Oblast, Russia]). */
export function parentChain(id: string): KnownEntity[] {
  const chain: KnownEntity[] = [];
  const seen = new Set([id]);
  for (let e = getEntity(id); e?.parent !== undefined && !seen.has(e.parent); ) {
    seen.add(e.parent);
    e = getEntity(e.parent);
    if (e) chain.push(e);
  }
  return chain;
}

/**
 * The best place called `name`: a curated place with coordinates first (a world region such as "Europe" or the
 * Sahel, a venue), then a country, region or town of the gazetteer, preferring the countries given in context.
 */
export function lookupPlace(name: string, context?: LinkContext): KnownEntity | null {
  for (const form of surfaceForms(name)) {
    const curated = (indexes().curatedPlaces.get(foldKey(form)) ?? []).find((e) => !needsExactCase(e.alias) || caseMatches(form, e.alias));
    if (curated) return curated.entity;
  }
  return lookupGazetteer(name, context);
}

/** The country (and place) a nationality word refers to: "Tajik" -> TJ Tajikistan, "Chechens" -> RU Chechnya. */
export function demonym(word: string): { country: string; name: string } | null {
  const { demonyms } = countryData();
  const key = foldKey(word);
  const hit = demonyms.get(key) ?? (key.endsWith('s') ? demonyms.get(key.slice(0, -1)) : undefined);
  return hit ? { ...hit } : null;
}

/**
 * The canonical entity a name refers to, or null. Tries the name as written, then without "the", titles and
 * possessives; aliases first (spelling variants such as Krokus/Crocus unified), then the gazetteer for places.
 * `type` keeps the answer to compatible entities; `context.countries` breaks ties between same-named ones.
 * A person is also found by a transliteration the aliases lack ("Qassim Suleimani" for Qasem Soleimani): every
 * word must match one person's name or alias by its spelling key (`nameKey`).
 */
export function linkName(surface: string, type?: EntityType, context?: LinkContext): KnownEntity | null {
  const forms = surfaceForms(surface);
  for (const form of forms) {
    const entries = (indexes().byAlias.get(foldKey(form)) ?? []).filter(
      (e) => (type === undefined || compatible(e.entity.type, type)) && (!needsExactCase(e.alias) || caseMatches(form, e.alias)),
    );
    const best = preferContext(entries, context);
    if (best) return best;
  }
  if (type === 'PERSON') {
    for (const form of forms) {
      const person = personBySpelling(form);
      if (person) return person;
    }
  }
  if (type === undefined || type === 'GPE' || type === 'LOC') {
    // Place names are proper nouns: "is" is a word, not the Russian village of Is.
    for (const form of forms.filter((f) => f !== f.toLowerCase())) {
      const place = bareRegion(form) ?? lookupPlace(form, context);
      if (place) return place;
    }
  }
  return null;
}

/** The world region a generic word names on its own ("the West"), written with its capital. */
function bareRegion(form: string): KnownEntity | null {
  const id = matchingRules().bareRegionWords[form];
  return id === undefined ? null : getEntity(id);
}

// Taggers disagree on buildings that are also institutions (Kremlin, Pentagon) and on GPE versus LOC.
const COMPATIBLE: Record<EntityType, readonly EntityType[]> = {
  PERSON: ['PERSON'],
  ORG: ['ORG', 'FAC'],
  FAC: ['FAC', 'ORG'],
  GPE: ['GPE', 'LOC'],
  LOC: ['LOC', 'GPE'],
  NORP: ['NORP'],
};

function compatible(entityType: EntityType, wanted: EntityType): boolean {
  return COMPATIBLE[wanted].includes(entityType);
}

function preferContext(entries: AliasEntry[], context?: LinkContext): KnownEntity | null {
  const wanted = context?.countries ?? [];
  const inContext = entries.find((e) => e.entity.country !== undefined && wanted.includes(e.entity.country));
  return (inContext ?? entries[0])?.entity ?? null;
}
