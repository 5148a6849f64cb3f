// MUC-4 role-filler extraction (../shared/eval/muc4, GRIT processing, dev split): runs annotate + incident mention
// extraction on each lower-cased document, maps the mentions to the five GRIT roles and scores them with
// CEAF-REE (entity-level, one-to-one alignment, micro-averaged), as described in muc4/SOURCE.md.
//   npm run eval:muc4          (add `-- --errors` to list each document's missed and spurious fillers per role)
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { extractIncidentMentions } from '../src/events/mentions.js';
import type { IncidentMention } from '../src/events/types.js';
import { annotate } from '../src/nlp/index.js';
import { packagePath } from '../src/paths.js';
import type { Article, IncidentType } from '../src/types.js';

export const ROLES = ['PerpInd', 'PerpOrg', 'Target', 'Victim', 'Weapon'] as const;
export type Role = (typeof ROLES)[number];

export interface GritDoc {
  docid: string;
  doctext: string;
  extracts: Record<Role, Array<Array<[string, number]>>>;
}

/** A split of the GRIT processing of MUC-4 ('train' or 'dev'). */
export function gritPath(split: string): string {
  return packagePath('..', 'shared', 'eval', 'muc4', 'grit', `${split}.jsonl`);
}

export function readGrit(path: string): GritDoc[] {
  return readFileSync(path, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as GritDoc);
}

const DATA = gritPath('dev');

// Follow-up records (arrests, charges, raids, warnings) are not MUC incidents (a MUC template is an attack, bombing,
// kidnapping, arson, ...).
const NOT_INCIDENTS = new Set<IncidentType>(['arrest', 'charge or trial', 'warning or advisory', 'counter-terrorism raid']);

/** SQuAD-style normalisation used by the GRIT scorer: lower-case, no punctuation, no articles, single spaces. */
export function normaliseFiller(s: string): string {
  return s
    .toLowerCase()
    .replace(/[!"#$%&'()*+,\-./:;<=>?@[\\\]^_`{|}~]/g, '')
    .replace(/\b(a|an|the)\b/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Our mentions as GRIT role fillers: one predicted entity per distinct name (an organisation written as "FMLN" and
 *  as its long form is one; "FMLN guerrillas" is "guerrillas"), written as that name where the document writes it,
 *  else as its shortest text. */
export function roleFillers(mentions: IncidentMention[], doctext: string): Record<Role, string[]> {
  const out = Object.fromEntries(ROLES.map((r) => [r, new Map<string, string>()])) as Record<Role, Map<string, string>>;
  const put = (role: Role, text: string, name = text) => {
    const k = normaliseFiller(name);
    const t = normaliseFiller(text);
    const n = doctext.toLowerCase().includes(name.toLowerCase()) ? k : t;
    const had = out[role].get(k);
    if (n && (had === undefined || n.length < had.length)) out[role].set(k, n);
  };
  for (const m of mentions) {
    if (NOT_INCIDENTS.has(m.type)) continue;
    // A nationality ("salvadoran") is not a MUC perpetrator organisation.
    for (const p of m.perpetrators) if (p.entityType !== 'NORP') put(p.entityType === 'ORG' ? 'PerpOrg' : 'PerpInd', p.text, p.name);
    for (const t of m.targets) put('Target', t.text);
    for (const v of m.victims) put('Victim', v.text);
    for (const w of m.weapons) put('Weapon', w.text);
  }
  return Object.fromEntries(ROLES.map((r) => [r, [...new Set(out[r].values())]])) as Record<Role, string[]>;
}

/** Size of a maximum one-to-one matching where predicted string p may match gold entity g when p is one of g's mentions. */
export function matched(gold: string[][], predicted: string[]): number {
  const owner = new Array<number>(gold.length).fill(-1);
  const tryAssign = (p: number, seen: boolean[]): boolean => {
    for (let g = 0; g < gold.length; g++) {
      if (seen[g] || !gold[g]!.includes(predicted[p]!)) continue;
      seen[g] = true;
      if (owner[g] === -1 || tryAssign(owner[g]!, seen)) {
        owner[g] = p;
        return true;
      }
    }
    return false;
  };
  let n = 0;
  for (let p = 0; p < predicted.length; p++) if (tryAssign(p, new Array<boolean>(gold.length).fill(false))) n++;
  return n;
}

export function gritArticle(doc: GritDoc): Article {
  return { id: doc.docid, source: doc.docid, url: null, title: null, text: doc.doctext, published: null, publishedFrom: null, outlet: null, byline: null, language: 'en', fetchedAt: null, offsets: { runs: [[0, 0]] } };
}

export type Counts = { match: number; predicted: number; gold: number };
export type Totals = Record<Role, Counts>;

export function emptyTotals(): Totals {
  return Object.fromEntries(ROLES.map((r) => [r, { match: 0, predicted: 0, gold: 0 }])) as Totals;
}

/** Adds one document's CEAF-REE counts; returns its errors per role (missed gold entities, spurious fillers). */
export function scoreDocument(doc: GritDoc, predicted: Record<Role, string[]>, totals: Totals): Array<{ role: Role; missed: string[]; spurious: string[] }> {
  const errors = [];
  for (const role of ROLES) {
    const gold = doc.extracts[role].map((entity) => entity.map(([s]) => normaliseFiller(s)));
    totals[role].match += matched(gold, predicted[role]);
    totals[role].predicted += predicted[role].length;
    totals[role].gold += gold.length;
    const missed = gold.filter((g) => !predicted[role].some((p) => g.includes(p))).map((g) => g.join(' | '));
    const spurious = predicted[role].filter((p) => !gold.some((g) => g.includes(p)));
    if (missed.length || spurious.length) errors.push({ role, missed, spurious });
  }
  return errors;
}

export function micro(totals: Totals): Counts {
  return ROLES.reduce((s, r) => ({ match: s.match + totals[r].match, predicted: s.predicted + totals[r].predicted, gold: s.gold + totals[r].gold }), { match: 0, predicted: 0, gold: 0 });
}

export function f1(t: Counts): number {
  return t.predicted && t.gold && t.match ? (2 * t.match) / (t.predicted + t.gold) : 0;
}

function main(): void {
  if (!existsSync(DATA)) {
    console.log(`eval:muc4 skipped: ${DATA} not found (the shared evaluation folder is absent).`);
    return;
  }
  const docs = readGrit(DATA);
  const totals = emptyTotals();
  const showErrors = process.argv.includes('--errors');
  const t0 = performance.now();
  for (const doc of docs) {
    const a = gritArticle(doc);
    const predicted = roleFillers(extractIncidentMentions(a, annotate(a)), doc.doctext);
    const errors = scoreDocument(doc, predicted, totals);
    if (showErrors) for (const e of errors) console.log(`${doc.docid} ${e.role}  missed: ${e.missed.join('; ') || '-'}  spurious: ${e.spurious.join('; ') || '-'}`);
  }
  const seconds = (performance.now() - t0) / 1000;
  const prf = (t: Counts) => {
    const p = t.predicted ? t.match / t.predicted : 0;
    const r = t.gold ? t.match / t.gold : 0;
    return `P ${(100 * p).toFixed(2)}  R ${(100 * r).toFixed(2)}  F1 ${(100 * f1(t)).toFixed(2)}`;
  };
  console.log(`MUC-4 dev (GRIT processing, ${docs.length} docs, lower-cased text), CEAF-REE role-filler scores:`);
  for (const role of ROLES) console.log(`  ${role.padEnd(8)} ${prf(totals[role])}   (${totals[role].match} matched / ${totals[role].predicted} predicted / ${totals[role].gold} gold)`);
  console.log(`  micro    ${prf(micro(totals))}`);
  console.log(`  throughput ${(docs.length / seconds).toFixed(1)} docs/s (annotate + mentions)`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
