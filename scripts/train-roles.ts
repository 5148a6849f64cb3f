// Trains the learned role classifier on the MUC-4 train split (GRIT processing, 1,300 documents) and writes
// models/roles.bin.gz. A candidate filler is labelled with a role when its text (normalised as the scorer does)
// is one of the gold fillers of that role in its document. The role thresholds are chosen by cross-validation
// on train; the dev split is only scored at the end, as a check. Reproducible: fixed seed, order and epochs.
//   npm run train:roles          (about three minutes: five cross-validation folds, then the model on all of train)
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { emptyTotals, f1, gritArticle, gritPath, micro, normaliseFiller, readGrit, roleFillers, ROLES, scoreDocument, type GritDoc, type Role, type Totals } from '../eval/muc4.js';
import { featuresOf, roleSentences } from '../src/events/learned-roles.js';
import { eventLexicon } from '../src/events/lexicon.js';
import { extractIncidentMentions } from '../src/events/mentions.js';
import { readArticle } from '../src/events/reading.js';
import { deserializeRoleModel, ROLE_CLASSES, ROLE_MODEL_PATH, roleModelOf, serializeRoleModel, type RoleModel } from '../src/events/role-model.js';
import { annotate } from '../src/nlp/index.js';
import { packagePath } from '../src/paths.js';
import { seededRandom } from '../src/random.js';
import type { Annotations } from '../src/types.js';

const SETTINGS = { minDocuments: 3, epochs: 4, rate: 0.03, seed: 1992, folds: 5 };
// Thresholds tried for each role in cross-validation.
const GRID = [0.02, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.6];
const CLASS_OF: Record<Role, number> = { PerpInd: 1, PerpOrg: 2, Target: 3, Victim: 4, Weapon: 5 };
const CLASSES = ROLE_CLASSES.length;

interface Annotated {
  doc: GritDoc;
  annotations: Annotations;
}

interface Document extends Annotated {
  /** Features of each candidate, and the classes its text is gold for (an empty list: none). */
  examples: Array<{ features: number[]; classes: number[] }>;
}

function annotated(docs: GritDoc[]): Annotated[] {
  return docs.map((doc) => ({ doc, annotations: annotate(gritArticle(doc)) }));
}

function documents(docs: Annotated[]): Document[] {
  const lex = eventLexicon();
  return docs.map(({ doc, annotations }) => {
    const article = gritArticle(doc);
    const gold = new Map<string, number[]>();
    for (const role of ROLES) {
      for (const entity of doc.extracts[role]) {
        for (const [mention] of entity) {
          const key = normaliseFiller(mention);
          const classes = gold.get(key) ?? [];
          if (!classes.includes(CLASS_OF[role])) classes.push(CLASS_OF[role]);
          gold.set(key, classes);
        }
      }
    }
    // Every sentence is a source of examples, not only those read at run time: more contexts to learn from.
    const sentences = roleSentences(doc.doctext, readArticle(article, annotations, lex, true).sentences, lex);
    const features = featuresOf(sentences, lex);
    const examples = sentences.flatMap((s, j) =>
      s.candidates.map((c, k) => ({ features: [...features[j]!.shared, ...features[j]!.candidates[k]!], classes: gold.get(normaliseFiller(doc.doctext.slice(c.start, c.end))) ?? [] })),
    );
    return { doc, annotations, examples };
  });
}

/** The features seen in at least SETTINGS.minDocuments documents, in order: rarer ones are mostly names of one
 *  document, which the model would only memorise. */
function vocabulary(docs: Document[]): Int32Array {
  const counts = new Map<number, number>();
  for (const d of docs) {
    const seen = new Set<number>();
    for (const e of d.examples) for (const f of e.features) seen.add(f);
    for (const f of seen) counts.set(f, (counts.get(f) ?? 0) + 1);
  }
  return Int32Array.from([...counts].filter(([, n]) => n >= SETTINGS.minDocuments).map(([f]) => f)).sort();
}

/** Multinomial logistic regression by AdaGrad over the examples of `docs`, in a seeded order. */
function fit(docs: Document[], thresholds: number[], ruleThresholds: number[]): RoleModel {
  const { epochs, rate } = SETTINGS;
  const keys = vocabulary(docs);
  const row = new Map([...keys].map((k, i) => [k, i]));
  const weights = new Float32Array(keys.length * CLASSES);
  const squares = new Float32Array(keys.length * CLASSES).fill(1e-6);
  const examples = docs.flatMap((d) => d.examples.map((e) => ({ rows: e.features.map((f) => row.get(f)).filter((r) => r !== undefined), classes: e.classes })));
  const random = seededRandom(SETTINGS.seed);
  const order = examples.map((_, i) => i);
  const scores = new Float64Array(CLASSES);
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    for (const n of order) {
      const { rows, classes } = examples[n]!;
      scores.fill(0);
      for (const r of rows) for (let c = 0; c < CLASSES; c++) scores[c] += weights[r * CLASSES + c]!;
      let max = -Infinity;
      for (let c = 0; c < CLASSES; c++) max = Math.max(max, scores[c]!);
      let sum = 0;
      for (let c = 0; c < CLASSES; c++) sum += scores[c] = Math.exp(scores[c]! - max);
      // Gradient of the log loss: predicted minus target probability (a text gold for two roles counts half each).
      for (let c = 0; c < CLASSES; c++) scores[c] = scores[c]! / sum - (classes.length ? (classes.includes(c) ? 1 / classes.length : 0) : c === 0 ? 1 : 0);
      for (const r of rows) {
        for (let c = 0; c < CLASSES; c++) {
          const g = scores[c]!;
          squares[r * CLASSES + c] += g * g;
          weights[r * CLASSES + c] -= (rate * g) / Math.sqrt(squares[r * CLASSES + c]!);
        }
      }
    }
  }
  return roleModelOf(keys, weights, thresholds, ruleThresholds);
}

/** Adds the CEAF-REE counts of the documents, their incidents extracted with `model`. */
function score(docs: Annotated[], model: RoleModel, totals: Totals): void {
  for (const d of docs) {
    const article = gritArticle(d.doc);
    scoreDocument(d.doc, roleFillers(extractIncidentMentions(article, d.annotations, { roleModel: model }), d.doc.doctext), totals);
  }
}

/** Per role, the grid value that maximises micro F1 over the cross-validated counts (coordinate ascent), with the
 *  counts it gives. */
function choose(grid: number[], counts: Totals[]): { values: number[]; totals: Totals } {
  const pick = Object.fromEntries(ROLES.map((r) => [r, grid.length - 1])) as Record<Role, number>;
  const totals = () => Object.fromEntries(ROLES.map((r) => [r, counts[pick[r]]![r]])) as Totals;
  for (let round = 0; round < 3; round++) {
    for (const role of ROLES) {
      let best = pick[role];
      let bestF = -1;
      for (let g = 0; g < grid.length; g++) {
        pick[role] = g;
        if (f1(micro(totals())) > bestF) [best, bestF] = [g, f1(micro(totals()))];
      }
      pick[role] = best;
    }
  }
  const values = new Array<number>(CLASSES).fill(1);
  for (const role of ROLES) values[CLASS_OF[role]] = grid[pick[role]]!;
  return { values, totals: totals() };
}

function report(label: string, totals: Totals): string {
  const all = micro(totals);
  const pr = `P ${((100 * all.match) / all.predicted).toFixed(2)} R ${((100 * all.match) / all.gold).toFixed(2)}`;
  return `${label} micro F1 ${(100 * f1(all)).toFixed(2)}, ${pr} (${ROLES.map((r) => `${r} ${(100 * f1(totals[r])).toFixed(1)}`).join(', ')})`;
}

function main(): void {
  if (!existsSync(gritPath('train'))) {
    console.log(`train-roles: skipped, MUC-4 not found at ${gritPath('train')}`);
    return;
  }
  const started = Date.now();
  const trainSet = documents(annotated(readGrit(gritPath('train'))));
  const seconds = () => ((Date.now() - started) / 1000).toFixed(0);
  console.log(`settings ${JSON.stringify(SETTINGS)}; ${trainSet.length} documents, ${trainSet.reduce((n, d) => n + d.examples.length, 0)} candidates (${seconds()}s)`);

  // Cross-validation: each fold is scored by the model trained on the others, first at every threshold of the grid
  // for all candidates, then, with the thresholds chosen, at every lower threshold for the fillers the rules found.
  const folds = Array.from({ length: SETTINGS.folds }, (_, fold) => {
    const model = fit(trainSet.filter((_, i) => i % SETTINGS.folds !== fold), [], []);
    console.log(`fold ${fold + 1}/${SETTINGS.folds} trained (${seconds()}s)`);
    return { model, held: trainSet.filter((_, i) => i % SETTINGS.folds === fold) };
  });
  const sweep = (grid: number[], thresholds: (t: number) => Pick<RoleModel, 'thresholds' | 'ruleThresholds'>) =>
    grid.map((t) => {
      const totals = emptyTotals();
      for (const f of folds) score(f.held, { ...f.model, ...thresholds(t) }, totals);
      return totals;
    });
  const uniform = (t: number) => new Array<number>(CLASSES).fill(t);
  const { values: thresholds } = choose(GRID, sweep(GRID, (t) => ({ thresholds: uniform(t), ruleThresholds: uniform(t) })));
  const lower = GRID.filter((t) => t <= Math.max(...thresholds.slice(1)));
  const { values: ruleThresholds, totals: cv } = choose(lower, sweep(lower, (t) => ({ thresholds, ruleThresholds: thresholds.map((x) => Math.min(x, t)) })));
  ruleThresholds.forEach((t, c) => (ruleThresholds[c] = Math.min(t, thresholds[c]!)));
  console.log(`thresholds ${ROLES.map((r) => `${r} ${thresholds[CLASS_OF[r]]} (found by the rules ${ruleThresholds[CLASS_OF[r]]})`).join(', ')}`);
  console.log(report('cross-validated train', cv));

  const model = fit(trainSet, thresholds, ruleThresholds);
  const file = serializeRoleModel(model);
  const out = packagePath(ROLE_MODEL_PATH);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, file);
  console.log(`wrote ${out} (${(file.length / 1e6).toFixed(2)} MB) in ${seconds()}s`);

  if (existsSync(gritPath('dev'))) {
    const dev = emptyTotals();
    score(annotated(readGrit(gritPath('dev'))), deserializeRoleModel(file), dev);
    console.log(report('dev (check only)', dev));
  }
}

main();
