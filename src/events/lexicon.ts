// Loads the events stage's word lists from src/events/data once, and compiles their matchers.
import { readFileSync } from 'node:fs';
import { packagePath } from '../paths.js';
import type { EntityType, FigureKind, IncidentType, PerpetratorStatus } from '../types.js';
import { phraseMatcher, type PhraseMatcher } from './phrases.js';

interface CueGroup {
  type: IncidentType;
  weak?: boolean;
  phrases: string[];
}

export interface PerpetratorCue {
  phrase: string;
  status: PerpetratorStatus;
  side: 'before' | 'after';
  types: EntityType[];
}

export interface EventLexicon {
  cues: PhraseMatcher;
  /** Cue phrase -> incident type and whether it is weak (only counts when no strong cue is in the sentence). */
  cueInfo: Map<string, { type: IncidentType; weak: boolean }>;
  figuresAfter: Array<{ kind: FigureKind; words: string[] }>;
  figuresBefore: Array<{ kind: FigureKind; words: string[] }>;
  fillers: Set<string>;
  maxKilled: number;
  maxOther: number;
  perpetratorCues: PhraseMatcher;
  perpetratorCueInfo: Map<string, PerpetratorCue>;
  /** Matches the end of the text before a place name when a locative preposition introduces it ("... near the "). */
  placeIntro: RegExp;
  victimsAfter: PhraseMatcher;
  victimsBefore: PhraseMatcher;
  maxRoleDistance: number;
  weapons: PhraseMatcher;
  targets: PhraseMatcher;
  perpetratorDescriptions: PhraseMatcher;
}

function readData<T>(name: string): T {
  return JSON.parse(readFileSync(packagePath('src/events/data', name), 'utf8')) as T;
}

function byKind(table: Record<string, string[]>): Array<{ kind: FigureKind; words: string[] }> {
  return Object.entries(table).map(([kind, words]) => ({ kind: kind as FigureKind, words: words.map((w) => w.toLowerCase()) }));
}

let cached: EventLexicon | null = null;

export function eventLexicon(): EventLexicon {
  if (cached) return cached;
  const cues = readData<{ cues: CueGroup[] }>('cues.json').cues;
  const figures = readData<{ after: Record<string, string[]>; before: Record<string, string[]>; filler: string[]; maxKilled: number; maxOther: number }>('figures.json');
  const roles = readData<{ perpetratorCues: PerpetratorCue[]; placePrepositions: string[]; victimCues: { after: string[]; before: string[] }; maxRoleDistance: number }>('roles.json');
  const words = readData<{ weapons: string[]; targets: string[]; perpetratorDescriptions: string[] }>('lexicon.json');
  const cueInfo = new Map<string, { type: IncidentType; weak: boolean }>();
  for (const group of cues) for (const p of group.phrases) if (!cueInfo.has(p)) cueInfo.set(p, { type: group.type, weak: group.weak === true });
  cached = {
    cues: phraseMatcher([...cueInfo.keys()]),
    cueInfo,
    figuresAfter: byKind(figures.after),
    figuresBefore: byKind(figures.before),
    fillers: new Set(figures.filler),
    maxKilled: figures.maxKilled,
    maxOther: figures.maxOther,
    perpetratorCues: phraseMatcher(roles.perpetratorCues.map((c) => c.phrase)),
    perpetratorCueInfo: new Map(roles.perpetratorCues.map((c) => [c.phrase, c])),
    placeIntro: new RegExp(`(?:^|[^\\p{L}])(?:${roles.placePrepositions.join('|')})(?: the)? $`, 'u'),
    victimsAfter: phraseMatcher(roles.victimCues.after),
    victimsBefore: phraseMatcher(roles.victimCues.before),
    maxRoleDistance: roles.maxRoleDistance,
    weapons: phraseMatcher(words.weapons),
    targets: phraseMatcher(words.targets),
    perpetratorDescriptions: phraseMatcher(words.perpetratorDescriptions),
  };
  return cached;
}
