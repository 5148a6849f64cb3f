// The curated knowledge base: groups, agencies, bodies, outlets, research organisations, venues, people,
// peoples, world regions (continents, regions such as the Sahel, seas and straits) and localities the GeoNames packages
// lack (kibbutzim, Pakistani districts), one JSON file per family under data/. Loaded once, checked, and
// indexed by id.
import { readFileSync } from 'node:fs';
import { packagePath } from '../paths.js';
import type { EntityType } from '../types.js';
import { countryData } from './countries.js';
import { freezeEntity, type KnownEntity } from './entity.js';

export const CATALOG_FILES = [
  'armed-groups.json',
  'security-agencies.json',
  'government-bodies.json',
  'media.json',
  'research-orgs.json',
  'venues.json',
  'people.json',
  'norp.json',
  'world-regions.json',
  'localities.json',
] as const;

const ENTITY_TYPES: ReadonlySet<string> = new Set<EntityType>(['PERSON', 'ORG', 'GPE', 'LOC', 'FAC', 'NORP']);
/** Curated places are put on maps, so they must carry a point. */
const PLACE_TYPES: ReadonlySet<string> = new Set<EntityType>(['GPE', 'LOC', 'FAC']);
const ID_PATTERN = /^(?:Q[1-9]\d*|sitrep:[a-z]+\/[a-z0-9-]+)$/;

let entries: KnownEntity[] | null = null;

/** Every curated entry, in file order. Throws when a data file breaks the rules of `catalogProblems`. */
export function catalogEntries(): KnownEntity[] {
  if (entries) return entries;
  const loaded = CATALOG_FILES.flatMap(
    (file) => JSON.parse(readFileSync(packagePath('src/knowledge/data', file), 'utf8')) as KnownEntity[],
  );
  const { byCode } = countryData();
  const problems = catalogProblems(loaded, (code) => byCode.has(code));
  if (problems.length > 0) throw new Error(`sitrep knowledge base is invalid:\n${problems.join('\n')}`);
  entries = loaded.map(freezeEntity);
  return entries;
}

/**
 * What is wrong with a set of entries: malformed ids, duplicate ids, unknown types, missing kinds,
 * parents that do not exist (or loop), country codes `isCountry` does not accept, duplicate aliases,
 * empty roles, places (GPE, LOC, FAC) without a valid point.
 */
export function catalogProblems(list: KnownEntity[], isCountry: (code: string) => boolean): string[] {
  const problems: string[] = [];
  const ids = new Map<string, KnownEntity>();
  for (const e of list) {
    if (typeof e.id !== 'string' || !ID_PATTERN.test(e.id)) problems.push(`bad id ${JSON.stringify(e.id)}`);
    if (ids.has(e.id)) problems.push(`duplicate id ${e.id}`);
    ids.set(e.id, e);
    if (typeof e.name !== 'string' || e.name.trim() === '') problems.push(`${e.id}: empty name`);
    if (!ENTITY_TYPES.has(e.type)) problems.push(`${e.id}: unknown type ${String(e.type)}`);
    if (typeof e.kind !== 'string' || !/^[a-z]+(?:-[a-z]+)*$/.test(e.kind)) problems.push(`${e.id}: bad kind ${String(e.kind)}`);
    if (!Array.isArray(e.aliases) || e.aliases.some((a) => typeof a !== 'string' || a.trim() === '')) problems.push(`${e.id}: bad aliases`);
    else if (new Set(e.aliases).size !== e.aliases.length) problems.push(`${e.id}: repeated alias`);
    if (e.role !== undefined && (typeof e.role !== 'string' || e.role.trim() === '')) problems.push(`${e.id}: empty role`);
    if (e.country !== undefined && !(/^[A-Z]{2}$/.test(e.country) && isCountry(e.country))) problems.push(`${e.id}: unknown country ${e.country}`);
    if (e.lat !== undefined || e.lon !== undefined || PLACE_TYPES.has(e.type)) {
      if (!(inRange(e.lat, 90) && inRange(e.lon, 180))) problems.push(`${e.id}: bad or missing coordinates`);
    }
  }
  for (const e of list) {
    if (e.parent === undefined) continue;
    if (!ids.has(e.parent)) {
      problems.push(`${e.id}: parent ${e.parent} does not exist`);
      continue;
    }
    const seen = new Set([e.id]);
    for (let p = ids.get(e.parent); p; p = p.parent === undefined ? undefined : ids.get(p.parent)) {
      if (seen.has(p.id)) {
        problems.push(`${e.id}: parent chain loops at ${p.id}`);
        break;
      }
      seen.add(p.id);
    }
  }
  return problems;
}

function inRange(value: number | undefined, limit: number): boolean {
  return typeof value === 'number' && Number.isFinite(value) && Math.abs(value) <= limit;
}
