// The data model of sitrep, defined once. Every stage is a function from these records to these records.
// Offsets are UTF-16 code-unit offsets into `Article.text` (what JavaScript string indexing uses).

/** A half-open character range [start, end) into an article's clean text. */
export interface Span {
  start: number;
  end: number;
}

/** A span in a named article: the address of a piece of evidence. */
export interface Evidence extends Span {
  articleId: string;
}

// ---------------------------------------------------------------------------------------------------------
// read: bytes from a source, with what the transport told us

/** What kind of content a reader believes it has; the extractor decides how to read it. */
export type ContentKind = 'html' | 'text' | 'markdown' | 'record';

/** One document as delivered by a reader (file, URL, feed item, JSON record, WARC record). */
export interface RawDocument {
  /** The input path or URL the user gave, or `path#n` / `url#n` for an item inside a container. */
  source: string;
  /** The document's own URL where known (fetched URL, feed item link, record url, WARC target URI). */
  url: string | null;
  /** Decoded text of the document (charset already handled). */
  body: string;
  kind: ContentKind;
  /** The original bytes, kept so any later stage can be re-run. */
  raw: Buffer;
  /** Transport metadata. */
  contentType: string | null;
  charset: string | null;
  fetchedAt: string | null;
  /** Fields a structured container (JSON record, feed item) already supplied. */
  hints: RecordHints;
}

/** Fields supplied by a JSON/JSONL record or a feed item. Any subset. */
export interface RecordHints {
  title?: string;
  published?: string;
  outlet?: string;
  byline?: string;
  url?: string;
}

/** A failure to read or extract one input. The batch goes on. */
export interface InputError {
  source: string;
  reason: string;
}

// ---------------------------------------------------------------------------------------------------------
// extract: clean article

export type PublishedFrom = 'metadata' | 'url' | 'text' | 'inferred';

/** Maps offsets in a normalised string back to offsets in the string it was made from. */
export interface OffsetMap {
  /** For each normalised offset i (0..text.length), the raw offset it came from. Delta-encoded runs. */
  runs: Array<[normStart: number, rawStart: number]>;
}

export interface Article {
  /** Stable id derived from the normalised text (same content -> same id). */
  id: string;
  source: string;
  url: string | null;
  title: string | null;
  /** Clean body text, NFKC-normalised, paragraphs separated by a blank line. All spans index this. */
  text: string;
  published: string | null;
  publishedFrom: PublishedFrom | null;
  outlet: string | null;
  byline: string | null;
  /** ISO 639-1, or null when unknown. */
  language: string | null;
  fetchedAt: string | null;
  /** Map from `text` offsets back to offsets in the extracted, un-normalised text. */
  offsets: OffsetMap;
}

/** A recorded near-duplicate or partial copy: `articleId` reuses `share` of its text from `ofArticleId`. */
export interface CopyLink {
  articleId: string;
  ofArticleId: string;
  /** Share (0..1) of `articleId`'s word shingles that also occur in `ofArticleId`. */
  share: number;
  kind: 'duplicate' | 'near-duplicate' | 'partial-copy';
}

// ---------------------------------------------------------------------------------------------------------
// annotate: stand-off layers over Article.text

export type EntityType = 'PERSON' | 'ORG' | 'GPE' | 'LOC' | 'FAC' | 'NORP';

export interface EntityMention extends Span {
  text: string;
  type: EntityType;
  /** Canonical entity id (Wikidata Q-id where one exists, else a project id such as `geo:524901`). */
  id?: string;
  /** Canonical name of the linked entity. */
  name?: string;
  /** Role or title stripped from a person's name ("Gen.", "the head of Central Command"). */
  role?: string;
}

export type DatePrecision = 'day' | 'month' | 'year' | 'range';

export interface DateMention extends Span {
  text: string;
  /** ISO date (YYYY-MM-DD, YYYY-MM or YYYY), or `start/end` for a range. */
  value: string;
  precision: DatePrecision;
}

export interface Quantity extends Span {
  text: string;
  min: number | null;
  max: number | null;
  approx: boolean;
  /** The counted noun, lower-case singular where it can be found ("people", "civilian"), else null. */
  unit: string | null;
}

export interface Speaker {
  name: string;
  id?: string;
  start?: number;
  end?: number;
}

export interface Quote extends Span {
  text: string;
  speaker: Speaker | null;
}

/** All annotation layers of one article. */
export interface Annotations {
  articleId: string;
  sentences: Span[];
  entities: EntityMention[];
  dates: DateMention[];
  quantities: Quantity[];
  quotes: Quote[];
  /** Layers not produced, with the reason (e.g. non-English text). */
  skipped: Array<{ layer: string; reason: string }>;
}

/** A canonical entity in the store, with how often and how it was named. */
export interface EntitySummary {
  id: string;
  name: string;
  type: EntityType;
  mentions: number;
  aliases: string[];
}

// ---------------------------------------------------------------------------------------------------------
// events and merge

export type IncidentType =
  | 'armed assault'
  | 'bombing'
  | 'arson'
  | 'stabbing'
  | 'vehicle ramming'
  | 'hostage-taking'
  | 'kidnapping'
  | 'assassination'
  | 'foiled plot'
  | 'arrest'
  | 'charge or trial'
  | 'claim of responsibility'
  | 'warning or advisory'
  | 'counter-terrorism raid'
  | 'other';

export type PerpetratorStatus = 'claimed' | 'attributed' | 'alleged' | 'suspected';

/** One reported value of a figure, with its evidence. */
export interface FigureValue extends Span {
  min: number | null;
  max: number | null;
  approx: boolean;
  article: string;
  text: string;
}

export type FigureKind = 'killed' | 'injured' | 'arrested' | 'missing' | 'hostages';

export interface Place {
  name: string;
  id?: string;
  country: string | null;
  lat: number | null;
  lon: number | null;
}

export interface Perpetrator {
  name: string;
  id?: string;
  status: PerpetratorStatus;
  evidence: Evidence[];
}

export interface Incident {
  id: string;
  type: IncidentType;
  date: { value: string; precision: DatePrecision } | null;
  place: Place | null;
  perpetrators: Perpetrator[];
  figures: Partial<Record<FigureKind, FigureValue[]>>;
  weapons: string[];
  targets: string[];
  articles: string[];
  /** Independent articles among `articles`: copies and rewrites of another of them count once. */
  sources: number;
  /** Ids of the incidents this one follows from (the attack an arrest or charge is about). */
  relatedTo: string[];
  /** True when every article reports it only in passing, as an earlier or other incident. */
  background: boolean;
  mentions: Evidence[];
}

/** A story: articles mainly about the same event. */
export interface Story {
  id: string;
  articles: Array<{ id: string; title: string | null; source: string }>;
}
