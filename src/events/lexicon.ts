// Loads the events stage's word lists from src/events/data once, and compiles their matchers.
import { readFileSync } from 'node:fs';
import { packagePath } from '../paths.js';
import type { EntityType, FigureKind, IncidentType, PerpetratorStatus } from '../types.js';
import type { PhraseRules } from './noun-phrases.js';
import type { CandidateRules } from './role-candidates.js';
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
  /** The phrase right before the cue names an actor whatever its words ("the Extraditables claimed responsibility"). */
  subject?: boolean;
  /** The cue and the group after it are the people who acted ("members of X"). */
  members?: boolean;
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
  /** Matches "'s murder" and the like after a name: the name is the victim's. */
  possessiveCue: RegExp;
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
  /** Matches a participle with no object after a perpetrator word: its people were harmed ("rebels killed by troops"). */
  harmedAfter: RegExp;
  /** Matches an attack noun right after a perpetrator word, which then only qualifies it ("terrorist attack"). */
  qualifiesAttack: RegExp;
  weapons: PhraseMatcher;
  /** Words saying arms were seized or found, not used ("seized", "cache of"). */
  weaponSeizures: PhraseMatcher;
  /** Matches a clause boundary inside a sentence (";", "after", "when"). */
  clauseBreak: RegExp;
  /** Matches words after a weapon word that make it something else ("bomb squad", "bomb threat"). */
  notWeaponAfter: RegExp;
  targets: PhraseMatcher;
  maxTargetModifiers: number;
  /** Matches the end of the text before a place that is only passed by, not hit ("near the "). */
  placeOnlyBefore: RegExp;
  /** Matches people nouns after a target noun, which then qualifies them ("university students"). */
  peopleAfter: RegExp;
  maxWeaponModifiers: number;
  /** Words that never modify a target or weapon noun (function words, numbers, months, "another"). */
  modifierStops: Set<string>;
  perpetratorDescriptions: PhraseMatcher;
  /** How a noun phrase next to a cue is read (data/roles.json "phrases"). */
  phrases: PhraseRules;
  /** Head nouns that make a phrase an organisation in text without capitals ("... liberation front", "... cartel"). */
  orgHeads: Set<string>;
  /** Words that only describe a group ("subversive groups", "an unidentified group"): with them an organisation noun
   *  names no one. */
  genericGroupWords: Set<string>;
  /** Last words of places and institutions that are not actors ("... airport", "... department"): a name the
   *  tagger typed as an organisation but ending in one of these is not a perpetrator. */
  placeHeads: Set<string>;
  /** Words naming a time of their own ("on Sunday", "around New Year"), resolved by the annotator or not. */
  timeCues: PhraseMatcher;
  /** Which runs of words the learned role classifier considers (data/learned-roles.json). */
  candidates: CandidateRules;
  /** Knowledge-base kinds of perpetrators the rules found that stand whatever the model says (armed groups). */
  knownPerpetratorKinds: Set<string>;
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
    harmed: { participles: string[]; following: string[] };
    attackNouns: string[];
    phrases: { stops: string[]; skip: string[]; maxWords: number };
    orgHeads: string[];
    genericGroupWords: string[];
    placeHeads: string[];
  }>('roles.json');
  const victimData = readData<{ titles: string[]; connectors: string[]; stops: string[]; minNameWords: number; maxNameWords: number; titleReach: number; cueReach: number; possessiveCues: string[] }>('victims.json');
  const times = readData<{ timeCues: string[] }>('dates.json');
  const learned = readData<{ stops: string[]; maxWords: number; maxJoinedWords: number; knownPerpetratorKinds: string[] }>('learned-roles.json');
  const words = readData<{ weapons: string[]; weaponSeizures: string[]; clauseWords: string[]; notWeaponAfter: string[]; targets: string[]; perpetratorDescriptions: string[]; maxTargetModifiers: number; maxWeaponModifiers: number; modifierStops: string[]; placeOnlyPrepositions: string[]; peopleAfterTarget: string[] }>('lexicon.json');
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
      possessiveCue: new RegExp(`'s\\s+(?:${victimData.possessiveCues.join('|')})(?![\\p{L}])`, 'giu'),
    },
    maxRoleDistance: roles.maxRoleDistance,
    harmedAfter: new RegExp(`^\\s+(?:${roles.harmed.participles.join('|')})(?:\\s+(?:${roles.harmed.following.join('|')})\\b|\\s*[,.;]|\\s*$)`, 'iu'),
    qualifiesAttack: new RegExp(`^[\\s-]+(?:${roles.attackNouns.join('|')})\\b`, 'iu'),
    weapons: phraseMatcher(words.weapons),
    weaponSeizures: phraseMatcher(words.weaponSeizures),
    clauseBreak: new RegExp(`[;:]|\\.\\s|\\b(?:${words.clauseWords.join('|')})\\b`, 'iu'),
    notWeaponAfter: new RegExp(`^[\\s-]+(?:${words.notWeaponAfter.join('|')})(?![\\p{L}])`, 'iu'),
    targets: phraseMatcher(words.targets),
    maxTargetModifiers: words.maxTargetModifiers,
    maxWeaponModifiers: words.maxWeaponModifiers,
    placeOnlyBefore: new RegExp(`(?:^|[^\\p{L}])(?:${words.placeOnlyPrepositions.join('|')})\\s+(?:the\\s+|a\\s+|an\\s+)?$`, 'iu'),
    peopleAfter: new RegExp(`^[\\s-]+(?:${words.peopleAfterTarget.join('|')})(?![\\p{L}])`, 'iu'),
    modifierStops: new Set(words.modifierStops),
    perpetratorDescriptions: phraseMatcher(words.perpetratorDescriptions),
    timeCues: phraseMatcher(times.timeCues),
    phrases: { stops: new Set(roles.phrases.stops), skip: new Set(roles.phrases.skip), maxWords: roles.phrases.maxWords },
    orgHeads: new Set(roles.orgHeads),
    genericGroupWords: new Set(roles.genericGroupWords),
    placeHeads: new Set(roles.placeHeads),
    candidates: { stops: new Set(learned.stops), maxWords: learned.maxWords, maxJoinedWords: learned.maxJoinedWords },
    knownPerpetratorKinds: new Set(learned.knownPerpetratorKinds),
  };
  return cached;
}
