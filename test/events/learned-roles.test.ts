// The learned role classifier: its candidates, its model file, and how its fillers combine with the rules'
// (models/roles.bin.gz, trained by `npm run train:roles`). Sentences written for these tests.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { eventLexicon } from '../../src/events/lexicon.js';
import { extractIncidentMentions } from '../../src/events/mentions.js';
import { candidates, tokenize } from '../../src/events/role-candidates.js';
import { classProbabilities, deserializeRoleModel, ROLE_CLASSES, roleModelOf, serializeRoleModel } from '../../src/events/role-model.js';
import type { IncidentMention } from '../../src/events/types.js';
import { annotations, article, spanOf, type Layers } from './fixtures.js';

function mentionsOf(text: string, layers: Layers = {}): IncidentMention[] {
  const a = article('l', text);
  return extractIncidentMentions(a, annotations(a, layers), { knowledge: null });
}

test('candidates are runs of words inside a chunk, and runs across "of (the)"; function words bound them', () => {
  const text = 'members of the red hand movement attacked a police post.';
  const found = candidates(tokenize(text, { start: 0, end: text.length }), eventLexicon().candidates).map((c) => text.slice(c.start, c.end));
  for (const c of ['members', 'members of the red hand movement', 'red hand movement', 'hand movement attacked', 'police post', 'post']) assert.ok(found.includes(c), `missing ${c}`);
  for (const c of ['the red hand movement', 'a police post', 'post.', 'attacked a']) assert.ok(!found.includes(c), `unexpected ${c}`);
});

test('the model file keeps each feature, class weight (to int8 precision) and both sets of thresholds', () => {
  const weights = Float32Array.from([0, 1.5, -0.5, 0, 0, 0.25, 0.5, 0, 0, -1, 0, 0]);
  const model = roleModelOf(Int32Array.from([-7, 123456789]), weights, [1, 0.2, 0.3, 0.25, 0.1, 0.15], [1, 0.1, 0.2, 0.2, 0.02, 0.05]);
  const back = deserializeRoleModel(serializeRoleModel(model));
  assert.deepEqual([back.thresholds, back.ruleThresholds], [model.thresholds, model.ruleThresholds]);
  assert.deepEqual([...back.keys], [-7, 123456789]);
  for (const [i, w] of weights.entries()) assert.ok(Math.abs(back.weights[i]! - w) <= 1.5 / 127, `weight ${i}`);
  const probs = classProbabilities(back, [-7, 123456789, 5], new Float64Array(ROLE_CLASSES.length));
  assert.equal(probs.indexOf(Math.max(...probs)), ROLE_CLASSES.indexOf('perpetrator-individual'));
  assert.ok(Math.abs(probs.reduce((s, p) => s + p, 0) - 1) < 1e-9);
});

test('in text without capitals the model decides: the sentence after the attack names its doers and weapon', () => {
  const text = 'terrorists attacked the electoral council offices this morning. three unidentified men hurled dynamite sticks at the building.';
  const [m, ...rest] = mentionsOf(text);
  assert.equal(rest.length, 0);
  assert.equal(m!.type, 'armed assault');
  assert.deepEqual(m!.perpetrators.map((p) => [p.text, p.start, p.entityType, p.status]), [['terrorists', 0, 'DESCRIPTION', 'attributed'], ['unidentified men', spanOf(text, 'unidentified men').start, 'DESCRIPTION', 'attributed']]);
  assert.deepEqual(m!.weapons.map((w) => [w.text, w.start]), [['dynamite sticks', spanOf(text, 'dynamite sticks').start]]);
});

test('in mixed case the rules\' fillers stand alone', () => {
  const text = 'Terrorists attacked the electoral council offices this morning. Three unidentified men hurled dynamite sticks at the building.';
  const [m] = mentionsOf(text);
  // The doers and the weapon the model reads in the next sentence of the lower-case text are not taken here.
  assert.deepEqual(m!.perpetrators.map((p) => p.text), ['Terrorists']);
  assert.deepEqual(m!.targets.map((t) => t.text), ['electoral council offices']);
  assert.deepEqual(m!.weapons.map((w) => w.text), []);
});

test('a known armed group the rules name stands in text without capitals, whatever the model says', () => {
  const text = 'islamic state claimed responsibility for the attack.';
  const [m] = mentionsOf(text, { entities: [['islamic state', 'ORG', { id: 'Q2429253', name: 'Islamic State' }]] });
  assert.deepEqual(m!.perpetrators.map((p) => [p.text, p.name, p.status]), [['islamic state', 'Islamic State', 'claimed']]);
});

test('a long text without capitals is classified in linear time', () => {
  const unit = 'guerrillas of the red hand movement (rhm) attacked post 7 with dynamite, killing 3 people; ';
  const one = unit.repeat(3000);
  const many = Array.from({ length: 3000 }, (_, i) => unit.replace('post 7', `post ${i}`).replace(/; $/, '.')).join(' ');
  for (const text of [one, many]) {
    const t0 = performance.now();
    const ms = mentionsOf(text);
    const elapsed = performance.now() - t0;
    assert.ok(ms.length > 0);
    assert.ok(elapsed < 4000, `took ${elapsed.toFixed(0)} ms`);
  }
});
