// Incident resolution: mentions of the same real incident, within and across articles, become one Incident.
//
// Choices:
// - Mentions merge only within a type family (an armed assault, a bombing and a hostage siege can be one attack;
//   a foiled plot never merges with an attack).
// - A claim of responsibility is folded into the attack it claims: its perpetrators join the attack's (status
//   "claimed") and its sentence joins the attack's evidence. A claim that matches no attack stays its own record.
// - Arrests, charges, raids and warnings stay separate records (they have their own date, place and figures) and
//   point at the attack reported in the same articles through `relatedTo`.
// - Dates: the same incident may be dated a day apart by outlets (a wrong weekday, time zones): ±2 days when the
//   places match, ±1 day when nothing is known about the places, never when the places conflict; a date only
//   inherited from the article (no date in the sentence) may be up to a week off when the places match.
//   Background incidents ("the 2015 bombing") keep their own written date and so never join the main one.
// - An undated mention (an article without a publication date) joins a dated incident of its family when they
//   share a specific place (a venue or a town, not only a country) and no other dated incident there competes:
//   an incident is never split because one outlet gave no date.
// - Mentions the events stage dropped (too little of their own to be an incident) are left out.
// - `sources` counts independent articles: an article that copies or rewrites another reporting the same
//   incident adds evidence but not corroboration.
import { createHash } from 'node:crypto';
import { datesCompatible, dayRange, daysApart, precisionRank } from '../events/dates.js';
import { familyOf, typePrecedence } from '../events/families.js';
import { eventLexicon } from '../events/lexicon.js';
import { gazetteerPlaces } from '../events/place-knowledge.js';
import { comparePlaces, spellingKey, type PlaceKnowledge } from '../events/places.js';
import type { IncidentMention, MentionDate, MentionPlace } from '../events/types.js';
import type { Article, CopyLink, DatePrecision, Evidence, FigureKind, FigureValue, Incident, IncidentType, Perpetrator, Place } from '../types.js';

/** An Incident with the links this stage adds (types.ts has no field for them yet). */
export interface ResolveOptions {
  /** Coordinates and containment of places (default: the gazetteer); null compares places by name only. */
  knowledge?: PlaceKnowledge | null;
  /** Days apart two written dates may be and still be one incident when their places match (default 2). */
  toleranceDays?: number;
  /** The same for a date a mention inherited from its article's main event (default 7). */
  inferredToleranceDays?: number;
  /** Recorded copies between articles (Repository.copyLinks()), so copies do not count as independent sources. */
  copies?: CopyLink[];
}

interface Cluster {
  family: string;
  mentions: IncidentMention[];
  /** Distinct places named for it (the first MAX_CLUSTER_PLACES), keyed by spelling. */
  places: MentionPlace[];
  placeKeys: Set<string>;
  /** Dates written in the mentions' own sentences, with counts: what the cluster is dated by. */
  dates: Map<string, { value: string; precision: DatePrecision; n: number }>;
  /** Dates taken from the article context, used only when no sentence gives one. */
  contextDates: Map<string, { value: string; precision: DatePrecision; n: number }>;
}

// Enough places to recognise an incident by, few enough that comparing a mention with a cluster stays cheap.
const MAX_CLUSTER_PLACES = 50;

function bestDate(counts: Cluster['dates']): { value: string; precision: DatePrecision } | null {
  let best: { value: string; precision: DatePrecision; n: number } | null = null;
  for (const d of counts.values()) {
    if (!best || d.n > best.n || (d.n === best.n && precisionRank(d.precision) > precisionRank(best.precision))) best = d;
  }
  return best ? { value: best.value, precision: best.precision } : null;
}

function clusterDate(c: Cluster): { value: string; precision: DatePrecision } | null {
  return bestDate(c.dates) ?? bestDate(c.contextDates);
}

function addDate(c: Cluster, date: MentionDate | null): void {
  if (!date) return;
  const table = date.from === 'sentence' ? c.dates : c.contextDates;
  const entry = table.get(date.value) ?? { value: date.value, precision: date.precision, n: 0 };
  entry.n++;
  table.set(date.value, entry);
}

function add(c: Cluster, m: IncidentMention): void {
  c.mentions.push(m);
  addDate(c, m.date);
  for (const p of m.places) {
    const key = spellingKey(p.name);
    if (c.placeKeys.has(key) || c.places.length >= MAX_CLUSTER_PLACES) continue;
    c.placeKeys.add(key);
    c.places.push(p);
  }
}

interface Tolerance {
  /** For dates written in the mention's sentence. */
  days: number;
  /** For dates a mention inherited from its article's main event. */
  inferredDays: number;
}

/**
 * How well a mention fits a cluster: null when it cannot be the same incident, else a score (higher is better).
 * A date the mention only inherited from its article's main event is weaker evidence than a written one, so it
 * gets the wider `inferredToleranceDays` when the places match.
 */
function fit(m: IncidentMention, c: Cluster, tolerance: Tolerance, knowledge?: PlaceKnowledge): number | null {
  const place = comparePlaces(m.places, c.places, knowledge);
  if (place === 'conflict') return null;
  const date = clusterDate(c);
  if (!m.date || !date) {
    if (place !== 'match') return null;
    if (!m.date && !date) return 2;
    return specificMatch(m.places, c.places, knowledge) ? UNDATED_FIT : null;
  }
  const allowed = place !== 'match' ? Math.min(1, tolerance.days) : m.date.from === 'article' ? tolerance.inferredDays : tolerance.days;
  if (!datesCompatible(m.date.value, date.value, allowed)) return null;
  return (place === 'match' ? 2 : 1) - (daysApart(m.date.value, date.value) ?? 0) / 10;
}

// Below any dated fit with matching places, so a dated cluster is preferred when there is one.
const UNDATED_FIT = 1.5;

/** A venue, or a town rather than a country or first-level region (the knowledge layer tells how deep it sits). */
function specific(p: MentionPlace, knowledge?: PlaceKnowledge): boolean {
  if (p.entityType === 'FAC') return true;
  if (p.entityType !== 'GPE') return false;
  const id = p.id ?? knowledge?.lookup(p.name)?.id;
  // Unknown to the gazetteer: only the same name can match it, which is specific enough.
  return !id || !knowledge || knowledge.parents(id).length >= 2;
}

/** Whether the two place lists share a specific place. */
function specificMatch(a: MentionPlace[], b: MentionPlace[], knowledge?: PlaceKnowledge): boolean {
  const sa = a.filter((p) => specific(p, knowledge));
  const sb = b.filter((p) => specific(p, knowledge));
  return sa.length > 0 && sb.length > 0 && comparePlaces(sa, sb, knowledge) === 'match';
}

function bestCluster(m: IncidentMention, clusters: Cluster[], tolerance: Tolerance, knowledge?: PlaceKnowledge): Cluster | null {
  let best: Cluster | null = null;
  let bestScore = -Infinity;
  let undatedFits = 0;
  for (const c of clusters) {
    const s = fit(m, c, tolerance, knowledge);
    if (s === UNDATED_FIT) undatedFits++;
    if (s !== null && s > bestScore) {
      best = c;
      bestScore = s;
    }
  }
  // Two dated incidents at the same place: an undated mention cannot tell which one it reports.
  return bestScore === UNDATED_FIT && undatedFits > 1 ? null : best;
}

function newCluster(m: IncidentMention): Cluster {
  const c: Cluster = { family: familyOf(m.type), mentions: [], places: [], placeKeys: new Set(), dates: new Map(), contextDates: new Map() };
  add(c, m);
  return c;
}

/** The type most mentions give; weak cues ("attack", "killed") count half, so "a bombing attack" is a bombing. */
function incidentType(mentions: IncidentMention[]): IncidentType {
  const lex = eventLexicon();
  const votes = new Map<IncidentType, number>();
  const onlyClaims = mentions.every((m) => m.type === 'claim of responsibility');
  for (const m of mentions) {
    if (m.type === 'claim of responsibility' && !onlyClaims) continue;
    const weak = lex.cueInfo.get(m.trigger.text.toLowerCase().replace(/[\s-]+/g, ' '))?.weak ?? false;
    votes.set(m.type, (votes.get(m.type) ?? 0) + (weak ? 0.5 : 1));
  }
  return [...votes.entries()].sort((a, b) => b[1] - a[1] || typePrecedence(a[0]) - typePrecedence(b[0]))[0]![0];
}

/** The most specific place named most often: a venue over a town, a town over a region. */
function incidentPlace(mentions: IncidentMention[], knowledge?: PlaceKnowledge): Place | null {
  const counts = new Map<string, { place: MentionPlace; n: number }>();
  for (const m of mentions) {
    for (const p of m.places) {
      const key = p.id ?? spellingKey(p.name);
      const entry = counts.get(key) ?? { place: p, n: 0 };
      entry.n++;
      counts.set(key, entry);
    }
  }
  const rank = (p: MentionPlace) => (p.entityType === 'FAC' ? 0 : p.entityType === 'GPE' ? 1 : 2);
  const ordered = [...counts.values()].sort((a, b) => rank(a.place) - rank(b.place) || b.n - a.n);
  const best = ordered[0];
  if (!best) return null;
  const known = (p: MentionPlace) => (p.id ? knowledge?.byId(p.id) : null) ?? knowledge?.lookup(p.name) ?? null;
  const own = known(best.place);
  // A venue without coordinates takes them from the next place that has some, in its own country where known.
  const located = ordered.map((c) => known(c.place)).find((k) => k?.lat != null && (!own?.country || k.country === own.country)) ?? null;
  const id = best.place.id ?? own?.id;
  return {
    name: best.place.name,
    ...(id ? { id } : {}),
    country: own?.country ?? located?.country ?? null,
    lat: own?.lat ?? located?.lat ?? null,
    lon: own?.lon ?? located?.lon ?? null,
  };
}

function perpetratorsOf(mentions: IncidentMention[]): Perpetrator[] {
  const byKey = new Map<string, Perpetrator>();
  const seen = new Set<string>();
  for (const m of mentions) {
    for (const p of m.perpetrators) {
      if (p.entityType === 'DESCRIPTION') continue;
      const status = m.type === 'claim of responsibility' ? 'claimed' : p.status;
      const key = `${p.id ?? spellingKey(p.name)}|${status}`;
      const entry = byKey.get(key) ?? { name: p.name, ...(p.id ? { id: p.id } : {}), status, evidence: [] };
      const at = `${key}|${m.articleId}|${p.start}`;
      if (!seen.has(at)) entry.evidence.push({ articleId: m.articleId, start: p.start, end: p.end });
      seen.add(at);
      byKey.set(key, entry);
    }
  }
  return [...byKey.values()];
}

function figuresOf(mentions: IncidentMention[]): Partial<Record<FigureKind, FigureValue[]>> {
  const out: Partial<Record<FigureKind, FigureValue[]>> = {};
  const seen = new Set<string>();
  for (const m of mentions) {
    for (const f of m.figures) {
      const key = `${m.articleId}|${f.start}|${f.kind}`;
      if (seen.has(key)) continue;
      seen.add(key);
      (out[f.kind] ??= []).push({ start: f.start, end: f.end, min: f.min, max: f.max, approx: f.approx, article: m.articleId, text: f.text });
    }
  }
  return out;
}

/** Distinct role words, most often named first (case and spacing ignored). */
function ranked(items: Array<{ text: string }>): string[] {
  const counts = new Map<string, { text: string; n: number }>();
  for (const { text } of items) {
    const key = text.toLowerCase().replace(/\s+/g, ' ');
    const entry = counts.get(key) ?? { text, n: 0 };
    entry.n++;
    counts.set(key, entry);
  }
  return [...counts.values()].sort((a, b) => b.n - a.n).map((e) => e.text);
}

function evidenceOf(mentions: IncidentMention[]): Evidence[] {
  const seen = new Set<string>();
  const out: Evidence[] = [];
  for (const m of mentions) {
    const key = `${m.articleId}|${m.sentence.start}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ articleId: m.articleId, start: m.sentence.start, end: m.sentence.end });
  }
  return out;
}

/** Articles that are not copies of one another: connected groups under the copy links among them. */
function independentSources(articles: string[], copiesOf: Map<string, string[]>): number {
  const inIncident = new Set(articles);
  const seen = new Set<string>();
  let groups = 0;
  for (const a of articles) {
    if (seen.has(a)) continue;
    groups++;
    const stack = [a];
    seen.add(a);
    while (stack.length) {
      for (const b of copiesOf.get(stack.pop()!) ?? []) {
        if (inIncident.has(b) && !seen.has(b)) {
          seen.add(b);
          stack.push(b);
        }
      }
    }
  }
  return groups;
}

function toIncident(c: Cluster, copiesOf: Map<string, string[]>, knowledge?: PlaceKnowledge): Incident {
  const first = c.mentions[0]!;
  const articles = [...new Set(c.mentions.map((m) => m.articleId))];
  return {
    id: `inc-${createHash('sha1').update(`${first.articleId}:${first.trigger.start}:${first.type}`).digest('hex').slice(0, 12)}`,
    type: incidentType(c.mentions),
    date: clusterDate(c),
    place: incidentPlace(c.mentions, knowledge),
    perpetrators: perpetratorsOf(c.mentions),
    figures: figuresOf(c.mentions),
    weapons: ranked(c.mentions.flatMap((m) => m.weapons)),
    targets: ranked(c.mentions.flatMap((m) => m.targets)),
    articles,
    mentions: evidenceOf(c.mentions),
    relatedTo: [],
    background: c.mentions.every((m) => m.background),
    sources: independentSources(articles, copiesOf),
  };
}

/**
 * Clusters of one type family, indexed for candidate lookup (blocking): by the weeks their dates cover, and by
 * place spelling, so a mention is compared with the few clusters it could join, not all. A dated mention looks
 * at clusters of its weeks and at undated clusters of its places; an undated one at every cluster of its places.
 */
class Pool {
  readonly clusters: Cluster[] = [];
  private readonly known = new Set<Cluster>();
  private readonly byWeek = new Map<number | 'wide', Set<Cluster>>();
  private readonly byPlace = new Map<string, Set<Cluster>>();
  private readonly undatedByPlace = new Map<string, Set<Cluster>>();

  add(c: Cluster, m: IncidentMention): void {
    if (!this.known.has(c)) this.clusters.push(c);
    this.known.add(c);
    if (m.date) for (const w of weeks(m.date.value, 0)) put(this.byWeek, w, c);
    for (const p of m.places) {
      put(this.byPlace, spellingKey(p.name), c);
      if (!m.date) put(this.undatedByPlace, spellingKey(p.name), c);
    }
  }

  candidates(m: IncidentMention, tolerance: Tolerance): Cluster[] {
    const out = new Set<Cluster>();
    if (m.date) for (const w of [...weeks(m.date.value, Math.max(tolerance.days, tolerance.inferredDays)), 'wide' as const]) for (const c of this.byWeek.get(w) ?? []) out.add(c);
    const byPlace = m.date ? this.undatedByPlace : this.byPlace;
    for (const p of m.places) for (const c of byPlace.get(spellingKey(p.name)) ?? []) out.add(c);
    return [...out];
  }
}

// Dates covering more than this many weeks ("1990/2020") share one bucket rather than filling hundreds.
const MAX_WEEKS = 60;

function weeks(value: string, slackDays: number): Array<number | 'wide'> {
  const range = dayRange(value);
  if (!range) return ['wide'];
  const first = Math.floor((range[0] - slackDays) / 7);
  const last = Math.floor((range[1] + slackDays) / 7);
  if (last - first > MAX_WEEKS) return ['wide'];
  const out: number[] = [];
  for (let w = first; w <= last; w++) out.push(w);
  return out;
}

function put<K>(map: Map<K, Set<Cluster>>, key: K, c: Cluster): void {
  const set = map.get(key) ?? new Set<Cluster>();
  set.add(c);
  map.set(key, set);
}

function place(pool: Pool, m: IncidentMention, tolerance: Tolerance, knowledge?: PlaceKnowledge): Cluster {
  const home = bestCluster(m, pool.candidates(m, tolerance), tolerance, knowledge) ?? newCluster(m);
  if (home.mentions[home.mentions.length - 1] !== m) add(home, m);
  pool.add(home, m);
  return home;
}

/**
 * Merges incident mentions of one or many articles into incidents. Articles give the reading order (dated
 * mentions first, then oldest published first), so the first dated report of an incident fixes its id.
 */
export function resolveIncidents(mentions: IncidentMention[], articles: Array<Pick<Article, 'id' | 'published'>>, options: ResolveOptions = {}): Incident[] {
  const tolerance: Tolerance = { days: options.toleranceDays ?? 2, inferredDays: options.inferredToleranceDays ?? 7 };
  const knowledge = options.knowledge === undefined ? gazetteerPlaces() : options.knowledge ?? undefined;
  const published = new Map(articles.map((a) => [a.id, a.published ?? '']));
  // Undated mentions come last, so they meet every dated incident they could join (and can tell when two compete).
  const ordered = mentions.filter((m) => !m.dropped).sort(
    (a, b) =>
      Number(!a.date) - Number(!b.date) ||
      (published.get(a.articleId) ?? '').localeCompare(published.get(b.articleId) ?? '') || a.articleId.localeCompare(b.articleId) || a.trigger.start - b.trigger.start,
  );
  const pools = new Map<string, Pool>();
  const pool = (family: string) => pools.get(family) ?? pools.set(family, new Pool()).get(family)!;
  // Attack clusters by the article (and background flag) of their mentions: where claims and follow-ups look.
  const attacksOf = new Map<string, Set<Cluster>>();
  const articleKey = (m: IncidentMention) => `${m.background ? 'b' : 'm'}:${m.articleId}`;
  for (const m of ordered) {
    if (m.type === 'claim of responsibility') continue;
    const c = place(pool(familyOf(m.type)), m, tolerance, knowledge);
    if (c.family === 'attack') put(attacksOf, articleKey(m), c);
  }
  for (const claim of ordered) {
    if (claim.type !== 'claim of responsibility') continue;
    // A claim belongs to an attack its own article reports (the place in a claim sentence is often the
    // claimant's, so it is not compared there), else to any compatible attack, else it stays a claim.
    const sameArticle = [...(attacksOf.get(articleKey(claim)) ?? [])];
    const attacks = pool('attack');
    const home = bestCluster({ ...claim, places: [] }, sameArticle, tolerance, knowledge) ?? bestCluster(claim, attacks.candidates(claim, tolerance), tolerance, knowledge);
    if (home) {
      add(home, claim);
      attacks.add(home, claim);
    } else place(pool(claim.type), claim, tolerance, knowledge);
  }

  const clusters = [...pools.values()].flatMap((p) => p.clusters);
  // Copy links in both directions: a copy and its original are one source whichever was stored first.
  const copiesOf = new Map<string, string[]>();
  const link = (a: string, b: string) => (copiesOf.get(a) ?? copiesOf.set(a, []).get(a)!).push(b);
  for (const l of options.copies ?? []) {
    link(l.articleId, l.ofArticleId);
    link(l.ofArticleId, l.articleId);
  }
  const incidents = new Map(clusters.map((c) => [c, toIncident(c, copiesOf, knowledge)]));
  // Follow-up records (arrest, charge, raid, warning) point at the main attack of the articles that report them.
  for (const c of clusters) {
    if (c.family === 'attack') continue;
    const own = incidents.get(c)!;
    const related = new Set<Cluster>();
    for (const m of c.mentions) if (!m.background) for (const a of attacksOf.get(articleKey(m)) ?? []) related.add(a);
    own.relatedTo = [...related].map((a) => incidents.get(a)!.id);
  }
  return [...incidents.values()];
}
