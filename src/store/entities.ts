// Linked entity mentions as both back ends store them, and their aggregation into entity summaries.
import type { Annotations, EntitySummary, EntityType } from '../types.js';

/** One linked mention; only mentions with a canonical id are kept (unlinked ones stay in the annotations JSON). */
export interface MentionRow {
  article_id: string;
  entity_id: string;
  name: string | null;
  surface: string;
  type: EntityType;
  start_offset: number;
  end_offset: number;
}

export const MENTION_COLUMNS = ['article_id', 'entity_id', 'name', 'surface', 'type', 'start_offset', 'end_offset'] as const;

export function mentionRows(annotations: Annotations): MentionRow[] {
  return annotations.entities
    .filter((m) => m.id !== undefined && m.id !== '')
    .map((m) => ({
      article_id: annotations.articleId,
      entity_id: m.id as string,
      name: m.name ?? null,
      surface: m.text,
      type: m.type,
      start_offset: m.start,
      end_offset: m.end,
    }));
}

/** A count of mentions grouped by (entity, name, type, surface), as both back ends' GROUP BY returns it. */
export interface MentionGroup {
  entity_id: string;
  name: string | null;
  type: EntityType;
  surface: string;
  /** PostgreSQL returns count(*) as a string. */
  n: number | string;
}

/** Keys by descending count; ties alphabetically, so the result does not depend on row order. */
function byFrequency<K extends string>(counts: Map<K, number>): K[] {
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([key]) => key);
}

function add<K>(counts: Map<K, number>, key: K, n: number): void {
  counts.set(key, (counts.get(key) ?? 0) + n);
}

/** Entity summaries, most mentioned first: the most used canonical name and type, aliases by frequency. */
export function summariseEntities(groups: MentionGroup[]): EntitySummary[] {
  const byId = new Map<string, { names: Map<string, number>; types: Map<EntityType, number>; surfaces: Map<string, number>; mentions: number }>();
  for (const g of groups) {
    const n = Number(g.n);
    let e = byId.get(g.entity_id);
    if (!e) byId.set(g.entity_id, (e = { names: new Map(), types: new Map(), surfaces: new Map(), mentions: 0 }));
    e.mentions += n;
    if (g.name) add(e.names, g.name, n);
    add(e.types, g.type, n);
    add(e.surfaces, g.surface, n);
  }
  return [...byId]
    .map(([id, e]) => ({
      id,
      name: byFrequency(e.names.size > 0 ? e.names : e.surfaces)[0],
      type: byFrequency(e.types)[0],
      mentions: e.mentions,
      aliases: byFrequency(e.surfaces),
    }))
    .sort((a, b) => b.mentions - a.mentions || (a.id < b.id ? -1 : 1));
}
