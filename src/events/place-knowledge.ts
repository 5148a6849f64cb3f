// The knowledge layer's gazetteer as the PlaceKnowledge the events and merge stages consult (cached per name).
import { getEntity, lookupPlace, parentChain, type KnownEntity } from '../knowledge/index.js';
import type { Place } from '../types.js';
import type { PlaceKnowledge } from './places.js';

let shared: PlaceKnowledge | null = null;

/** One instance for the process: lookups are pure, so their cache can be shared. */
export function gazetteerPlaces(): PlaceKnowledge {
  if (shared) return shared;
  const places = new Map<string, (Place & { id: string }) | null>();
  const ids = new Map<string, (Place & { id: string }) | null>();
  const parents = new Map<string, string[]>();
  const asPlace = (e: KnownEntity | null) => (e ? { id: e.id, name: e.name, country: e.country ?? null, lat: e.lat ?? null, lon: e.lon ?? null } : null);
  shared = {
    lookup(name) {
      if (!places.has(name)) {
        places.set(name, asPlace(lookupPlace(name)));
      }
      return places.get(name)!;
    },
    byId(id) {
      if (!ids.has(id)) ids.set(id, asPlace(getEntity(id)));
      return ids.get(id)!;
    },
    parents(id) {
      if (!parents.has(id)) parents.set(id, parentChain(id).map((e) => e.id));
      return parents.get(id)!;
    },
  };
  return shared;
}
