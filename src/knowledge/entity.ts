// The shapes the knowledge layer hands to the rest of sitrep.
import type { EntityType } from '../types.js';

/** A canonical thing the knowledge base or gazetteer knows: a group, agency, outlet, venue, person, people or place. */
export interface KnownEntity {
  /** Wikidata Q-id where certain, else a project id (`sitrep:org/amaq`, `iso:RU`, `geo:524901`, `geo:admin1/RU.47`). */
  id: string;
  name: string;
  type: EntityType;
  /** Finer class: armed-group, intelligence-agency, news-agency, venue, head-of-state, country, city, nationality, ... */
  kind: string;
  /** A person's office or standing, as a reader would want it named ("President of Russia"). */
  role?: string;
  aliases: string[];
  /** Id of the entity this one belongs to (a province of a group, a city's region, a region's country). */
  parent?: string;
  /** ISO 3166-1 alpha-2. */
  country?: string;
  lat?: number;
  lon?: number;
  population?: number;
}

/** One occurrence of a known entity in a text: a half-open range [start, end). */
export interface KnownMatch {
  start: number;
  end: number;
  text: string;
  entity: KnownEntity;
}

/** Extra knowledge that helps choose between same-named entities. */
export interface LinkContext {
  /** ISO alpha-2 codes of countries the text is about, most relevant first. */
  countries?: string[];
}

/** Entities are shared by every caller, so they are frozen: no stage can change the reference for the others. */
export function freezeEntity(e: KnownEntity): KnownEntity {
  Object.freeze(e.aliases);
  return Object.freeze(e);
}
