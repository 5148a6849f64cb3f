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
import { comparePlaces, nearDistanceKm, spellingKey, type PlaceKnowledge } from '../events/places.js';
import type { IncidentMention, MentionDate, MentionPlace } from '../events/types.js';
import type { Article, CopyLink, DatePrecision, Evidence, FigureKind, FigureValue, Incident, IncidentType, Perpetrator, PerpetratorStatus, Place } from '../types.js';

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
  /** Creation order within its family: candidates are tried oldest first. */
  seq: number;
  mentions: IncidentMention[];
  /** Distinct places named for it (the first MAX_CLUSTER_PLACES), keyed by spelling. */
  places: MentionPlace[];
  placeKeys: Set<string>;
  /** Dates written in the mentions' own sentences, with counts: what the cluster is dated by. */
  dates: Map<string, { value: string; precision: DatePrecision; n: number }>;
  /** Dates taken from the article context, used only when no sentence gives one. */
  contextDates: Map<string, { value: string; precision: DatePrecision; n: number }>;
  /** clusterDate's answer until a date is added (every candidate check asks for it). */
  date?: { value: string; precision: DatePrecision } | null;
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
  if (c.date === undefined) c.date = bestDate(c.dates) ?? bestDate(c.contextDates);
  return c.date;
}

function addDate(c: Cluster, date: MentionDate | null): void {
  if (!date) return;
  c.date = undefined;
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

function newCluster(m: IncidentMention, seq: number): Cluster {
  const c: Cluster = { family: familyOf(m.type), seq, mentions: [], places: [], placeKeys: new Set(), dates: new Map(), contextDates: new Map(), date: undefined };
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

// The firmest word first: a group's own claim, then official attribution, then allegation and suspicion.
const STATUS_ORDER: readonly PerpetratorStatus[] = ['claimed', 'attributed', 'alleged', 'suspected'];

/** Strongest status first, then the most often reported; the first perpetrator is the one a summary names. */
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
  return [...byKey.values()].sort(
    (a, b) => STATUS_ORDER.indexOf(a.status) - STATUS_ORDER.indexOf(b.status) || b.evidence.length - a.evidence.length,
  );
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

// Candidate lookup (blocking). A mention can only join a cluster whose places match its own, or, with dates a
// day apart at most, one whose places cannot be compared with its own (comparePlaces 'unknown'); see `fit`. So
// clusters are filed under keys that any matching place shares, crossed with the time buckets of their dates, and the
// few clusters a mention could join are looked up instead of scanned. Keys only ever over-approximate (a cluster
// is never removed from a key it was once filed under); `fit` decides. Places match (placesCompatible) by a shared
// word, by id or containment, or by distance, hence three kinds of key:
// - `w:<word>` for every word of the spelling key (two names one of which opens the other share their first word);
// - `s:<id>` for the place itself, `i:<id>` for each place containing it (a mention probes its own id both ways
//   and its containers as `s:`);
// - `g:<row>:<col>`, grid cells: a cluster's place is filed under every cell within `nearKm` of it, a mention's
//   place probes its own cell (filing happens once per place, probing once per mention).
// The index is a map of maps (place key, then time bucket), so a probe builds no composite strings.

const KM_PER_DEGREE = (6371 * Math.PI) / 180;

/** Grid cells nearKm wide: every point within nearKm of a place lies in its cell or one `around` lists. */
class Grid {
  private readonly deg = nearDistanceKm() / KM_PER_DEGREE;
  private readonly cols = Math.ceil(360 / this.deg);

  cell(lat: number, lon: number): string {
    return `g:${Math.floor((lat + 90) / this.deg)}:${this.col(lon)}`;
  }

  /** Cells of every point within nearKm (haversine) of (lat, lon). */
  around(lat: number, lon: number): string[] {
    const d = this.deg;
    const rad = Math.PI / 180;
    // |Δlat| is at most the arc itself; |Δlon| is bounded from haversine with cos(lat2) at its smallest.
    const farthest = Math.min(90, Math.abs(lat) + d);
    const s = Math.sin((d * rad) / 2) / Math.sqrt(Math.cos(lat * rad) * Math.cos(farthest * rad));
    const dLon = !(s < 1) ? 180 : (2 * Math.asin(s)) / rad;
    const out: string[] = [];
    for (let row = Math.floor((lat - d + 90) / d); row <= Math.floor((lat + d + 90) / d); row++) {
      const cols = dLon >= 180 ? this.cols : Math.floor((lon + dLon + 180) / d) - Math.floor((lon - dLon + 180) / d) + 1;
      const first = dLon >= 180 ? 0 : Math.floor((lon - dLon + 180) / d);
      for (let k = 0; k < Math.min(cols, this.cols); k++) out.push(`g:${row}:${(((first + k) % this.cols) + this.cols) % this.cols}`);
    }
    return out;
  }

  private col(lon: number): number {
    return ((Math.floor((lon + 180) / this.deg) % this.cols) + this.cols) % this.cols;
  }
}

interface PlaceKeySet {
  file: string[];
  probe: string[];
  /** Whether the place is specific enough for an undated mention to join by (see `specific`). */
  specific: boolean;
}

/** The keys a cluster's place is filed under, and those a mention's place probes; memoised per name and id. */
class PlaceKeys {
  private readonly memo = new Map<string, PlaceKeySet>();
  private readonly grid = new Grid();

  constructor(private readonly knowledge?: PlaceKnowledge) {}

  of(p: MentionPlace): PlaceKeySet {
    const memoKey = `${p.entityType}|${p.id ?? ''}|${p.name}`;
    let keys = this.memo.get(memoKey);
    if (keys) return keys;
    const words = spellingKey(p.name).split(' ').filter(Boolean).map((w) => `w:${w}`);
    keys = { file: [...words], probe: [...words], specific: specific(p, this.knowledge) };
    const known = this.knowledge?.lookup(p.name) ?? null;
    const id = p.id ?? known?.id;
    if (id) {
      keys.file.push(`s:${id}`);
      keys.probe.push(`s:${id}`, `i:${id}`);
      for (const parent of this.knowledge?.parents(id) ?? []) {
        keys.file.push(`i:${parent}`);
        keys.probe.push(`s:${parent}`);
      }
    }
    if (known?.lat != null && known.lon != null) {
      keys.file.push(...this.grid.around(known.lat, known.lon));
      keys.probe.push(this.grid.cell(known.lat, known.lon));
    }
    this.memo.set(memoKey, keys);
    return keys;
  }
}

const isVenue = (p: MentionPlace) => p.entityType === 'FAC';

/**
 * Which clusters' places cannot be compared with these (no venue against a venue, no town against a town): 'all'
 * for no places, 'none' (clusters without places) for both kinds, else clusters without a venue ('nv') or
 * without a town ('nt').
 */
function incomparable(places: MentionPlace[]): string {
  const venue = places.some(isVenue);
  const town = places.some((p) => !isVenue(p));
  return venue && town ? 'none' : venue ? 'nv' : town ? 'nt' : 'all';
}

/** The 'incomparable' buckets a cluster with these places belongs to. */
function incomparableBuckets(places: MentionPlace[]): string[] {
  const out = ['all'];
  if (!places.length) out.push('none');
  if (!places.some(isVenue)) out.push('nv');
  if (!places.some((p) => !isVenue(p))) out.push('nt');
  return out;
}

/** Clusters of one type family, filed for candidate lookup (see above). */
class Pool {
  readonly clusters: Cluster[] = [];
  private readonly index = new Map<string, Map<string, Cluster[]>>();
  private readonly filing = new Map<Cluster, { keys: Set<string>; specific: Set<string>; buckets: Set<string>; places: number }>();

  constructor(private readonly placeKeys: PlaceKeys) {}

  /** Files `c` (which `m` has just joined or founded) under its new places and time buckets. */
  add(c: Cluster, m: IncidentMention): void {
    let f = this.filing.get(c);
    if (!f) {
      f = { keys: new Set(), specific: new Set(), buckets: new Set(), places: 0 };
      this.filing.set(c, f);
      this.clusters.push(c);
    }
    const file = (key: string, bucket: string) => {
      const byBucket = this.index.get(key) ?? this.index.set(key, new Map()).get(key)!;
      (byBucket.get(bucket) ?? byBucket.set(bucket, []).get(bucket)!).push(c);
    };
    // Each (key, bucket) pair is filed once: new keys with the buckets known so far, then every key with new buckets.
    const undated = clusterDate(c) === null;
    for (const p of c.places.slice(f.places)) {
      const keys = this.placeKeys.of(p);
      for (const k of keys.file) {
        if (keys.specific && !f.specific.has(k)) {
          f.specific.add(k);
          file(k, 'sp');
        }
        if (f.keys.has(k)) continue;
        f.keys.add(k);
        if (undated) file(k, 'u');
        for (const b of f.buckets) file(k, b);
      }
    }
    f.places = c.places.length;
    for (const b of m.date ? fileBuckets(m.date.value) : []) {
      if (f.buckets.has(b)) continue;
      f.buckets.add(b);
      for (const k of f.keys) file(k, b);
      for (const kind of incomparableBuckets(c.places)) file(kind, b);
    }
  }

  /** The cluster `m` joins (as `bestCluster` would choose it among all clusters of the pool), or null. */
  best(m: IncidentMention, tolerance: Tolerance, knowledge?: PlaceKnowledge): Cluster | null {
    if (m.date) return bestCluster(m, this.candidates(m, tolerance), tolerance, knowledge);
    // Undated: the oldest undated cluster at a matching place (fit 2) wins; else the one dated cluster sharing a
    // specific place (fit UNDATED_FIT), and none once a second one shows the mention cannot tell which.
    const undated = this.lookup(m.places.flatMap((p) => this.placeKeys.of(p).probe), ['u']);
    for (const c of [...undated].sort((a, b) => a.seq - b.seq)) if (fit(m, c, tolerance, knowledge) === 2) return c;
    let only: Cluster | null = null;
    const seen = new Set<Cluster>();
    for (const p of m.places) {
      if (!this.placeKeys.of(p).specific) continue;
      for (const k of this.placeKeys.of(p).probe) {
        for (const c of this.index.get(k)?.get('sp') ?? []) {
          if (seen.has(c)) continue;
          seen.add(c);
          if (fit(m, c, tolerance, knowledge) !== UNDATED_FIT) continue;
          if (only) return null;
          only = c;
        }
      }
    }
    return only;
  }

  /** Every dated cluster `m` (dated) could join, and a few more, oldest first. */
  private candidates(m: IncidentMention, tolerance: Tolerance): Cluster[] {
    const date = m.date!;
    const probes = m.places.flatMap((p) => this.placeKeys.of(p).probe);
    const matching = this.lookup(probes, [...probeBuckets(date.value, date.from === 'article' ? tolerance.inferredDays : tolerance.days), 'u']);
    const incomparableOnes = this.lookup([incomparable(m.places)], probeBuckets(date.value, Math.min(1, tolerance.days)));
    return [...new Set([...matching, ...incomparableOnes])].sort((a, b) => a.seq - b.seq);
  }

  /** Clusters filed under any of `keys` in any of `buckets`. */
  private lookup(keys: string[], buckets: string[]): Set<Cluster> {
    const out = new Set<Cluster>();
    for (const key of keys) {
      const byBucket = this.index.get(key);
      if (byBucket) for (const b of buckets) for (const c of byBucket.get(b) ?? []) out.add(c);
    }
    return out;
  }
}

// Time buckets. A date spanning at most SHORT_DAYS days is filed under each of its days (`d<n>`) and weeks (`w<n>`);
// a longer one under its weeks, also as `l<n>` (long); one over MAX_WEEKS weeks ("1990/2020") or unreadable under
// 'wide'. A probe over a short range looks at its days and at long dates of its weeks; a longer probe at every
// date of its weeks. Days keep the clusters of one busy place apart; weeks keep long ranges from filling hundreds.
const SHORT_DAYS = 31;
const MAX_WEEKS = 60;

/** First and last day of the date's range widened by `slackDays`, or null when it is unreadable or 'wide'. */
function span(value: string, slackDays: number): [number, number] | null {
  const range = dayRange(value);
  if (!range) return null;
  const [first, last] = [range[0] - slackDays, range[1] + slackDays];
  return Math.floor(last / 7) - Math.floor(first / 7) > MAX_WEEKS ? null : [first, last];
}

function weekKeys([first, last]: [number, number], prefix: string): string[] {
  const out: string[] = [];
  for (let w = Math.floor(first / 7); w <= Math.floor(last / 7); w++) out.push(`${prefix}${w}`);
  return out;
}

function dayKeys([first, last]: [number, number]): string[] {
  const out: string[] = [];
  for (let d = first; d <= last; d++) out.push(`d${d}`);
  return out;
}

const isShort = ([first, last]: [number, number]) => last - first < SHORT_DAYS;

function fileBuckets(value: string): string[] {
  const days = span(value, 0);
  if (!days) return ['wide'];
  return isShort(days) ? [...dayKeys(days), ...weekKeys(days, 'w')] : [...weekKeys(days, 'w'), ...weekKeys(days, 'l')];
}

/** The buckets of every date within `slackDays` of `value` (and 'wide', which any date may be compatible with). */
function probeBuckets(value: string, slackDays: number): string[] {
  const days = span(value, slackDays);
  if (!days) return ['wide'];
  return isShort(days) ? [...dayKeys(days), ...weekKeys(days, 'l'), 'wide'] : [...weekKeys(days, 'w'), 'wide'];
}

function put<K>(map: Map<K, Set<Cluster>>, key: K, c: Cluster): void {
  const set = map.get(key) ?? new Set<Cluster>();
  set.add(c);
  map.set(key, set);
}

function place(pool: Pool, m: IncidentMention, tolerance: Tolerance, knowledge?: PlaceKnowledge): Cluster {
  const home = pool.best(m, tolerance, knowledge) ?? newCluster(m, pool.clusters.length);
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
  const placeKeys = new PlaceKeys(knowledge);
  const pool = (family: string) => pools.get(family) ?? pools.set(family, new Pool(placeKeys)).get(family)!;
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
    const home = bestCluster({ ...claim, places: [] }, sameArticle, tolerance, knowledge) ?? attacks.best(claim, tolerance, knowledge);
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
