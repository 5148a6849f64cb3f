// Records of the events stage: one incident as one sentence (and its neighbours) of one article reports it.
import type { DatePrecision, EntityType, FigureKind, IncidentType, PerpetratorStatus, Span } from '../types.js';

/** A piece of text filling a role, with where it is. */
export interface RoleFiller extends Span {
  text: string;
  /** Canonical entity id when the text is a linked entity mention. */
  id?: string;
}

export interface MentionPerpetrator extends RoleFiller {
  /** Canonical name where linked, else the text as written. */
  name: string;
  status: PerpetratorStatus;
  entityType: EntityType | 'DESCRIPTION';
}

export interface MentionPlace extends RoleFiller {
  name: string;
  entityType: EntityType;
}

export interface MentionDate {
  value: string;
  precision: DatePrecision;
  /** 'sentence': a date written in the mention's sentence (with its span); 'article': the article's dominant event date. */
  from: 'sentence' | 'article';
  start?: number;
  end?: number;
}

/** A reported number with what it counts. */
export interface MentionFigure extends Span {
  kind: FigureKind;
  text: string;
  min: number | null;
  max: number | null;
  approx: boolean;
}

/** A number that looked like a figure but was rejected, and why (kept so a reviewer can check the rule). */
export interface DiscardedFigure extends Span {
  text: string;
  reason: string;
}

export interface IncidentMention {
  articleId: string;
  type: IncidentType;
  trigger: RoleFiller;
  sentence: Span;
  date: MentionDate | null;
  /** The most specific place named for the incident (a venue where given). */
  place: MentionPlace | null;
  /** Every place named in the sentence (venue, town, region), most specific first. */
  places: MentionPlace[];
  perpetrators: MentionPerpetrator[];
  figures: MentionFigure[];
  discarded: DiscardedFigure[];
  weapons: RoleFiller[];
  /** Physical targets (buildings, vehicles, venues). */
  targets: RoleFiller[];
  /** Named people harmed (killed, kidnapped, ...). */
  victims: RoleFiller[];
  /** True when the mention reports an incident other than the article's main one (another date or place). */
  background: boolean;
  /** True when the mention took its place (and date, where it had none) from the article's main incident: it
   *  refers back to it ("the attack", "the deadliest attack in the country") rather than reporting a new one. */
  folded: boolean;
  /** Why the mention is left out of incident resolution (too little of its own to be an incident), else null. */
  dropped: string | null;
}
