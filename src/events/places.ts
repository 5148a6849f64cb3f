// Whether two place names can denote the same incident location: same venue spelled differently, a town and its
// region, or (with coordinates from the knowledge layer) two points close together.
import { readFileSync } from 'node:fs';
import { memoByString } from '../knowledge/normalize.js';
import { packagePath } from '../paths.js';
import type { Place } from '../types.js';

/** What the knowledge layer can tell about a place name; optional, name rules apply without it. */
export interface PlaceKnowledge {
  lookup(name: string): Place | null;
  /** The place with this id (a venue the gazetteer cannot find by name still has its country here). */
  byId(id: string): Place | null;
  /** Ids of the places containing `id` (region, country), nearest first. */
  parents(id: string): string[];
}

interface PlaceRules {
  adminWords: string[];
  nearKm: number;
}

let rules: { adminWords: Set<string>; nearKm: number } | null = null;
function placeRules() {
  if (!rules) {
    const raw = JSON.parse(readFileSync(packagePath('src/events/data/places.json'), 'utf8')) as PlaceRules;
    rules = { adminWords: new Set(raw.adminWords), nearKm: raw.nearKm };
  }
  return rules;
}

/** The distance (km) under which two located places count as one incident location. */
export function nearDistanceKm(): number {
  return placeRules().nearKm;
}

/**
 * A spelling key that survives transliteration variants (Crocus/Krokus, Kiev/Kyiv is left to the exonym table):
 * lower-case, accents off, c/k/q alike, doubled letters single, non-letters dropped.
 */
export function spellingKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/^the\s+/, '')
    .replace(/[ckq]/g, 'k')
    .replace(/ph/g, 'f')
    .replace(/[^\p{L}\p{N}\s]/gu, '')
    .replace(/(\p{L})\1+/gu, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The words of a name that identify a place, administrative words set aside; kept per name, as incident
 * resolution compares the same few names again and again. */
const words = memoByString((name: string): readonly string[] => {
  const admin = placeRules().adminWords;
  return Object.freeze(spellingKey(name).split(' ').filter((w) => w && !admin.has(w)));
});

function distanceKm(a: Place, b: Place): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat! - a.lat!) * rad;
  const dLon = (b.lon! - a.lon!) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat! * rad) * Math.cos(b.lat! * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(h));
}

/** The place with the id and coordinates the knowledge layer has for its name, where the text gave none. */
function withKnowledge(p: Place, knowledge?: PlaceKnowledge): Place {
  const known = knowledge?.lookup(p.name);
  if (!known) return p;
  return { name: p.name, id: p.id ?? known.id, country: p.country ?? known.country, lat: p.lat ?? known.lat, lon: p.lon ?? known.lon };
}

/**
 * Same place, one inside the other, or close together. By name alone: the same words once administrative words
 * are set aside, or one name opening the other ("Krokus" and "Crocus City Hall"; not "York" and "New York").
 */
export function placesCompatible(a: Place, b: Place, knowledge?: PlaceKnowledge): boolean {
  if (a.id && b.id && a.id === b.id) return true;
  const wa = words(a.name);
  const wb = words(b.name);
  if (wa.length && wb.length) {
    const [short, long] = wa.length <= wb.length ? [wa, wb] : [wb, wa];
    if (short.every((w, i) => long[i] === w)) return true;
  }
  const pa = withKnowledge(a, knowledge);
  const pb = withKnowledge(b, knowledge);
  if (knowledge && pa.id && pb.id) {
    if (pa.id === pb.id || knowledge.parents(pa.id).includes(pb.id) || knowledge.parents(pb.id).includes(pa.id)) return true;
  }
  if (pa.lat != null && pa.lon != null && pb.lat != null && pb.lon != null) return distanceKm(pa, pb) <= placeRules().nearKm;
  return false;
}

/** A place as named in a text, with its entity type (venues are compared with venues, towns with towns). */
export interface NamedPlace {
  name: string;
  id?: string;
  entityType: string;
}

/**
 * How two sets of places relate: 'match' when some pair is the same or nested, 'conflict' when places of the same
 * kind are named on both sides and none match, 'unknown' otherwise (a venue on one side, only a town on the other).
 */
export function comparePlaces(a: NamedPlace[], b: NamedPlace[], knowledge?: PlaceKnowledge): 'match' | 'conflict' | 'unknown' {
  const venue = (p: NamedPlace) => p.entityType === 'FAC';
  // One object shape, no spread: this runs for every pair of places incident resolution compares.
  const asPlace = (p: NamedPlace): Place => ({ name: p.name, id: p.id || undefined, country: null, lat: null, lon: null });
  let comparable = false;
  for (const x of a) {
    for (const y of b) {
      if (placesCompatible(asPlace(x), asPlace(y), knowledge)) return 'match';
      if (venue(x) === venue(y)) comparable = true;
    }
  }
  return comparable ? 'conflict' : 'unknown';
}
