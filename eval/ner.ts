// Scores the committed NER model on CoNLL-2003 eng.testa (the dev split): conlleval P/R/F1 overall and
// per type, the same on an upper-cased copy, and throughput. Usage: npm run eval:ner
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { iobSpans, readConll, scoreConll, type ConllDocument, type ConllScore } from './conll.js';
import { defaultModel, type NerModel } from '../src/nlp/ner/model.js';
import { tagDocument } from '../src/nlp/ner/tagger.js';
import { ENTITY_TYPES, TAG_NAMES, type EntityKind } from '../src/nlp/ner/tags.js';
import type { TrainingDocument } from '../src/nlp/ner/train.js';
import { packageRoot } from '../src/paths.js';

export const conllDir = resolve(packageRoot, '..', 'shared', 'eval', 'conll2003');

/** CoNLL documents as training documents (IOB tags -> typed token spans). */
export function toTrainingDocuments(documents: readonly ConllDocument[]): TrainingDocument[] {
  return documents.map((d) => ({
    sentences: d.sentences.map((s) => ({
      words: s.words,
      spans: iobSpans(s.tags).map((span) => {
        if (!(ENTITY_TYPES as readonly string[]).includes(span.type)) throw new Error(`conll: unknown type ${span.type}`);
        return { start: span.start, end: span.end, type: span.type as EntityKind };
      }),
    })),
  }));
}

/** BILOU tag ids -> IOB2 strings, for the scorer. */
function toIob(tags: Uint8Array): string[] {
  return Array.from(tags, (t) => {
    const name = TAG_NAMES[t]!;
    return name === 'O' ? 'O' : (name.startsWith('B-') || name.startsWith('U-') ? 'B-' : 'I-') + name.slice(2);
  });
}

export interface Evaluation {
  score: ConllScore;
  words: number;
  /** Wall-clock and CPU (user + system) seconds spent tagging; CPU time is fairer on a shared machine. */
  seconds: number;
  cpuSeconds: number;
}

/** Tags each document with `model` (optionally re-cased) and scores it against the gold tags. */
export function evaluateModel(model: NerModel, documents: readonly ConllDocument[], recase?: (w: string) => string): Evaluation {
  const inputs = documents.map((d) => d.sentences.map((s) => (recase ? s.words.map(recase) : s.words)));
  const started = process.hrtime.bigint();
  const cpu = process.cpuUsage();
  const predicted = inputs.map((sentences) => tagDocument(model, sentences));
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const cpuUsed = process.cpuUsage(cpu);
  const cpuSeconds = (cpuUsed.user + cpuUsed.system) / 1e6;
  const pairs = documents.flatMap((d, i) => d.sentences.map((s, j) => ({ gold: s.tags, predicted: toIob(predicted[i]![j]!) })));
  const words = documents.reduce((n, d) => n + d.sentences.reduce((m, s) => m + s.words.length, 0), 0);
  return { score: scoreConll(pairs), words, seconds, cpuSeconds };
}

function line(label: string, c: ConllScore['overall']): string {
  const pct = (x: number): string => (100 * x).toFixed(2).padStart(6);
  return `${label.padEnd(10)} P ${pct(c.precision)}  R ${pct(c.recall)}  F1 ${pct(c.f1)}  (gold ${c.gold}, predicted ${c.predicted}, correct ${c.correct})`;
}

function main(): void {
  const path = join(conllDir, 'eng.testa');
  if (!existsSync(path)) {
    console.log(`eval:ner skipped: CoNLL-2003 dev split not found at ${path}`);
    return;
  }
  const dev = readConll(path);
  const model = defaultModel();
  for (let warm = 0; warm < 2; warm++) evaluateModel(model, dev); // let the JIT settle before timing
  const mixed = evaluateModel(model, dev);
  console.log(`CoNLL-2003 eng.testa (dev), ${mixed.words} tokens, conlleval exact-match entities`);
  console.log(line('overall', mixed.score.overall));
  for (const [type, counts] of Object.entries(mixed.score.byType)) console.log(line(type, counts));
  const upper = evaluateModel(model, dev, (w) => w.toUpperCase());
  console.log(line('UPPERCASE', upper.score.overall));
  const lower = evaluateModel(model, dev, (w) => w.toLowerCase());
  console.log(line('lowercase', lower.score.overall));
  const title = evaluateModel(model, dev, (w) => w.charAt(0).toUpperCase() + w.slice(1));
  console.log(line('Title Case', title.score.overall));
  const rate = (seconds: number): number => Math.round(mixed.words / seconds);
  console.log(`throughput (tagging only, one thread): ${rate(mixed.cpuSeconds)} words per CPU-second, ${rate(mixed.seconds)} words/s wall clock`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
