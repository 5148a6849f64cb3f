import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { readConll } from '../../eval/conll.js';
import { evaluateModel } from '../../eval/ner.js';
import { defaultModel } from '../../src/nlp/ner/model.js';
import { sharedDir } from '../helpers.js';

const devPath = join(sharedDir, 'eval', 'conll2003', 'eng.testa');
const skip = existsSync(devPath) ? false : `CoNLL-2003 dev split not found at ${devPath}`;

test('the committed model reaches entity F1 >= 0.90 on CoNLL-2003 eng.testa, >= 0.84 upper-cased', { skip }, () => {
  const dev = readConll(devPath);
  const model = defaultModel();
  const mixed = evaluateModel(model, dev).score.overall;
  assert.equal(mixed.gold, 5942);
  assert.ok(mixed.f1 >= 0.9, `F1 ${mixed.f1}`);
  const upper = evaluateModel(model, dev, (w) => w.toUpperCase()).score.overall;
  assert.ok(upper.f1 >= 0.84, `upper-case F1 ${upper.f1}`);
});
