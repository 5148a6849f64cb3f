// Clustering scores against gold clusters: B-cubed and pairwise precision/recall/F1, from the contingency table
// (linear in the number of items, no pair enumeration).

export interface Scores {
  precision: number;
  recall: number;
  f1: number;
}

function f1(precision: number, recall: number): number {
  return precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
}

function tally(predicted: Map<string, string>, gold: Map<string, string>) {
  const cells = new Map<string, number>();
  const predSize = new Map<string, number>();
  const goldSize = new Map<string, number>();
  for (const [item, g] of gold) {
    const c = predicted.get(item);
    if (c === undefined) throw new Error(`clustering score: item ${item} has no predicted cluster`);
    cells.set(`${c}\u0000${g}`, (cells.get(`${c}\u0000${g}`) ?? 0) + 1);
    predSize.set(c, (predSize.get(c) ?? 0) + 1);
    goldSize.set(g, (goldSize.get(g) ?? 0) + 1);
  }
  return { cells, predSize, goldSize };
}

/** B-cubed over the items of `gold`: per item |C∩G|/|C| and |C∩G|/|G|, averaged over items. */
export function bcubed(predicted: Map<string, string>, gold: Map<string, string>): Scores {
  const { cells, predSize, goldSize } = tally(predicted, gold);
  let p = 0;
  let r = 0;
  for (const [key, n] of cells) {
    const [c, g] = key.split('\u0000') as [string, string];
    // Each of the n items in this cell has the same overlap n.
    p += (n * n) / predSize.get(c)!;
    r += (n * n) / goldSize.get(g)!;
  }
  const precision = gold.size ? p / gold.size : 0;
  const recall = gold.size ? r / gold.size : 0;
  return { precision, recall, f1: f1(precision, recall) };
}

const pairs = (n: number) => (n * (n - 1)) / 2;

/** Pairwise scores over unordered item pairs: a pair is positive when both items share a cluster. */
export function pairwise(predicted: Map<string, string>, gold: Map<string, string>): Scores {
  const { cells, predSize, goldSize } = tally(predicted, gold);
  let tp = 0;
  for (const n of cells.values()) tp += pairs(n);
  let predPairs = 0;
  for (const n of predSize.values()) predPairs += pairs(n);
  let goldPairs = 0;
  for (const n of goldSize.values()) goldPairs += pairs(n);
  // With no predicted (or gold) pairs at all, nothing was claimed wrongly (or missed): the score is 1.
  const precision = predPairs ? tp / predPairs : 1;
  const recall = goldPairs ? tp / goldPairs : 1;
  return { precision, recall, f1: f1(precision, recall) };
}
