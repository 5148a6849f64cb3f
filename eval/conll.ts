// CoNLL-2003 column files and the conlleval metric (re-implemented from its description, not its code):
// entity-level micro precision / recall / F1, where an entity counts only with exact boundaries and type.
import { readFileSync } from 'node:fs';

export interface ConllSentence {
  words: string[];
  /** IOB tags as in the file (IOB1 for the original release; IOB2 reads the same way). */
  tags: string[];
}

export interface ConllDocument {
  sentences: ConllSentence[];
}

/** An entity over token indices [start, end). */
export interface IobSpan {
  start: number;
  end: number;
  type: string;
}

/** Parses `word POS chunk NE` lines; `-DOCSTART-` starts a new document; blank lines end sentences. */
export function parseConll(text: string): ConllDocument[] {
  const documents: ConllDocument[] = [];
  let doc: ConllDocument | null = null;
  let sentence: ConllSentence = { words: [], tags: [] };
  const endSentence = (): void => {
    if (sentence.words.length === 0) return;
    if (!doc) {
      doc = { sentences: [] };
      documents.push(doc);
    }
    doc.sentences.push(sentence);
    sentence = { words: [], tags: [] };
  };
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '') {
      endSentence();
      continue;
    }
    const columns = line.split(/\s+/);
    if (columns[0] === '-DOCSTART-') {
      endSentence();
      doc = { sentences: [] };
      documents.push(doc);
      continue;
    }
    if (columns.length < 2) throw new Error(`conll: expected "word ... tag", got "${line.slice(0, 80)}"`);
    sentence.words.push(columns[0]!);
    sentence.tags.push(columns[columns.length - 1]!);
  }
  endSentence();
  return documents.filter((d) => d.sentences.length > 0);
}

export function readConll(path: string): ConllDocument[] {
  return parseConll(readFileSync(path, 'utf8'));
}

/**
 * Entities from IOB tags, conlleval's way: `B-X` always starts an entity; `I-X` starts one unless the
 * previous tag has type X; any other tag ends the open entity.
 */
export function iobSpans(tags: readonly string[]): IobSpan[] {
  const spans: IobSpan[] = [];
  let open: IobSpan | null = null;
  for (let i = 0; i < tags.length; i++) {
    const tag = tags[i]!;
    const prefix = tag.slice(0, 2);
    const type = tag.slice(2);
    const starts = prefix === 'B-' || (prefix === 'I-' && (!open || open.type !== type));
    if (open && (tag === 'O' || starts)) {
      open.end = i;
      spans.push(open);
      open = null;
    }
    if (starts) open = { start: i, end: i + 1, type };
  }
  if (open) {
    open.end = tags.length;
    spans.push(open);
  }
  return spans;
}

export interface Counts {
  gold: number;
  predicted: number;
  correct: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface ConllScore {
  overall: Counts;
  /** Per entity type, in alphabetical order of type. */
  byType: Record<string, Counts>;
  /** Fraction of tokens whose tag string equals the gold tag (conlleval's secondary figure). */
  tokenAccuracy: number;
}

function withRates(gold: number, predicted: number, correct: number): Counts {
  const precision = predicted === 0 ? 0 : correct / predicted;
  const recall = gold === 0 ? 0 : correct / gold;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { gold, predicted, correct, precision, recall, f1 };
}

/** Scores predicted against gold IOB tag sequences (one pair per sentence, same lengths). */
export function scoreConll(pairs: ReadonlyArray<{ gold: readonly string[]; predicted: readonly string[] }>): ConllScore {
  const raw = new Map<string, { gold: number; predicted: number; correct: number }>();
  const bump = (type: string, field: 'gold' | 'predicted' | 'correct'): void => {
    const entry = raw.get(type) ?? { gold: 0, predicted: 0, correct: 0 };
    entry[field]++;
    raw.set(type, entry);
  };
  let tokens = 0;
  let sameTag = 0;
  for (const { gold, predicted } of pairs) {
    if (gold.length !== predicted.length) {
      throw new Error(`conll: sentence has ${gold.length} gold tags but ${predicted.length} predicted`);
    }
    tokens += gold.length;
    for (let i = 0; i < gold.length; i++) if (gold[i] === predicted[i]) sameTag++;
    const goldKeys = new Set<string>();
    for (const s of iobSpans(gold)) {
      bump(s.type, 'gold');
      goldKeys.add(`${s.start}:${s.end}:${s.type}`);
    }
    for (const s of iobSpans(predicted)) {
      bump(s.type, 'predicted');
      if (goldKeys.has(`${s.start}:${s.end}:${s.type}`)) bump(s.type, 'correct');
    }
  }
  const byType: Record<string, Counts> = {};
  let gold = 0, predicted = 0, correct = 0;
  for (const type of [...raw.keys()].sort()) {
    const c = raw.get(type)!;
    byType[type] = withRates(c.gold, c.predicted, c.correct);
    gold += c.gold;
    predicted += c.predicted;
    correct += c.correct;
  }
  return { overall: withRates(gold, predicted, correct), byType, tokenAccuracy: tokens === 0 ? 0 : sameTag / tokens };
}
