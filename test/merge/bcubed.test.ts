import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bcubed, pairwise } from '../../eval/bcubed.js';

const gold = new Map([['a', 'g1'], ['b', 'g1'], ['c', 'g2'], ['d', 'g2']]);
const predicted = new Map([['a', 'X'], ['b', 'X'], ['c', 'X'], ['d', 'Y']]);

test('B-cubed on a toy clustering: P 2/3, R 3/4, F1 12/17', () => {
  const s = bcubed(predicted, gold);
  assert.ok(Math.abs(s.precision - 2 / 3) < 1e-12, String(s.precision));
  assert.ok(Math.abs(s.recall - 3 / 4) < 1e-12, String(s.recall));
  assert.ok(Math.abs(s.f1 - 12 / 17) < 1e-12, String(s.f1));
});

test('pairwise on the same clustering: P 1/3, R 1/2, F1 2/5', () => {
  const s = pairwise(predicted, gold);
  assert.ok(Math.abs(s.precision - 1 / 3) < 1e-12);
  assert.ok(Math.abs(s.recall - 1 / 2) < 1e-12);
  assert.ok(Math.abs(s.f1 - 2 / 5) < 1e-12);
});

test('a perfect clustering scores 1 whatever its cluster names; all singletons have B-cubed recall 1/2 here', () => {
  const renamed = new Map([['a', 'q'], ['b', 'q'], ['c', 'r'], ['d', 'r']]);
  assert.deepEqual(bcubed(renamed, gold), { precision: 1, recall: 1, f1: 1 });
  const singletons = new Map([...gold.keys()].map((k) => [k, k]));
  assert.deepEqual(bcubed(singletons, gold), { precision: 1, recall: 0.5, f1: 2 / 3 });
  assert.equal(pairwise(singletons, gold).recall, 0);
});

test('an item without a predicted cluster is an error, not a silent zero', () => {
  assert.throws(() => bcubed(new Map([['a', 'X']]), gold), /item b has no predicted cluster/);
});
