// Incident type families: which types can be the same real incident, and which type wins a disagreement.
import { readFileSync } from 'node:fs';
import { packagePath } from '../paths.js';
import type { IncidentType } from '../types.js';

interface FamilyData {
  families: Record<string, IncidentType[]>;
  precedence: IncidentType[];
  followUps: IncidentType[];
}

let cached: { familyOf: Map<IncidentType, string>; precedence: IncidentType[]; followUps: Set<IncidentType> } | null = null;

function data() {
  if (!cached) {
    const raw = JSON.parse(readFileSync(packagePath('src/events/data/families.json'), 'utf8')) as FamilyData;
    const familyOf = new Map<IncidentType, string>();
    for (const [family, types] of Object.entries(raw.families)) for (const t of types) familyOf.set(t, family);
    cached = { familyOf, precedence: raw.precedence, followUps: new Set(raw.followUps) };
  }
  return cached;
}

/** The family name of a type ("attack" for an armed assault or a bombing); a type outside any family is its own. */
export function familyOf(type: IncidentType): string {
  return data().familyOf.get(type) ?? type;
}

export function isAttack(type: IncidentType): boolean {
  return familyOf(type) === 'attack';
}

/** Whether the type follows from an attack (an arrest, a charge, a raid) and so may happen somewhere else. */
export function isFollowUp(type: IncidentType): boolean {
  return data().followUps.has(type);
}

/** Position of a type in the tie-breaking order (lower wins). */
export function typePrecedence(type: IncidentType): number {
  const i = data().precedence.indexOf(type);
  return i < 0 ? Number.MAX_SAFE_INTEGER : i;
}
