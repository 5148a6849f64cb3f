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

export interface VictimNameRules {
  titles: PhraseMatcher;
  titleWords: Set<string>;
  connectors: Set<string>;
  stops: Set<string>;
  minNameWords: number;
  maxNameWords: number;
  /** Characters after a victim cue within which a title is looked for ("the murder of the province governor X"). */
  titleReach: number;
  /** Characters between a name and a following cue ("senator X was kidnapped"). */
  cueReach: number;
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
  /** Knowledge-base kinds of NORP entities that name a group able to act (Islamists), unlike a nationality. */
  groupNorpKinds: Set<string>;
  /** Knowledge-base kinds of organisations that only report or host claims (news agencies, outlets, NGOs). */
  reporterOrgKinds: Set<string>;
  /** Matches a speaker noun at the start of the text after a name ("officials said"): the name made a statement. */
  speakerAfter: RegExp;
  /** Words that make a sentence an accusation ("suggested", "alleged"). */
  allegationCues: PhraseMatcher;
  /** Matches the end of the text before a place name when a locative preposition introduces it ("... near the "). */
  placeIntro: RegExp;
  victimsAfter: PhraseMatcher;
  victimsBefore: PhraseMatcher;
  /** The case-robust path to named victims (data/victims.json). */
  victimNames: VictimNameRules;
  maxRoleDistance: number;
  weapons: PhraseMatcher;
  targets: PhraseMatcher;
  maxTargetModifiers: number;
  targetModifierStops: Set<string>;
  perpetratorDescriptions: PhraseMatcher;
  /** Words naming a time of their own ("on Sunday", "around New Year"), resolved by the annotator or not. */
  timeCues: PhraseMatcher;
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
  const roles = readData<{
    perpetratorCues: PerpetratorCue[];
    groupNorpKinds: string[];
    reporterOrgKinds: string[];
    speakerNouns: string[];
    allegationCues: string[];
    placePrepositions: string[];
    victimCues: { after: string[]; before: string[] };
    maxRoleDistance: number;
  }>('roles.json');
  const victimData = readData<{ titles: string[]; connectors: string[]; stops: string[]; minNameWords: number; maxNameWords: number; titleReach: number; cueReach: number }>('victims.json');
  const times = readData<{ timeCues: string[] }>('dates.json');
  const words = readData<{ weapons: string[]; targets: string[]; perpetratorDescriptions: string[]; maxTargetModifiers: number; targetModifierStops: string[] }>('lexicon.json');
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
    groupNorpKinds: new Set(roles.groupNorpKinds),
    reporterOrgKinds: new Set(roles.reporterOrgKinds),
    speakerAfter: new RegExp(`^\\s+(?:${roles.speakerNouns.join('|')})(?![\\p{L}])`, 'iu'),
    allegationCues: phraseMatcher(roles.allegationCues),
    placeIntro: new RegExp(`(?:^|[^\\p{L}])(?:${roles.placePrepositions.join('|')})(?: the)? $`, 'u'),
    victimsAfter: phraseMatcher(roles.victimCues.after),
    victimsBefore: phraseMatcher(roles.victimCues.before),
    victimNames: {
      titles: phraseMatcher(victimData.titles),
      titleWords: new Set(victimData.titles.flatMap((t) => t.split(' '))),
      connectors: new Set(victimData.connectors),
      stops: new Set(victimData.stops),
      minNameWords: victimData.minNameWords,
      maxNameWords: victimData.maxNameWords,
      titleReach: victimData.titleReach,
      cueReach: victimData.cueReach,
    },
    maxRoleDistance: roles.maxRoleDistance,
    weapons: phraseMatcher(words.weapons),
    targets: phraseMatcher(words.targets),
    maxTargetModifiers: words.maxTargetModifiers,
    targetModifierStops: new Set(words.targetModifierStops),
    perpetratorDescriptions: phraseMatcher(words.perpetratorDescriptions),
    timeCues: phraseMatcher(times.timeCues),
  };
  return cached;
}
