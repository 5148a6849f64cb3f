// Named victims and target phrases without entities: lower-cased text, where names carry no capitals, read through
// titles and victim cues (data/victims.json) and target modifiers (data/lexicon.json): the rules alone, without the
// learned model. Sentences written for these tests.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractIncidentMentions } from '../../src/events/mentions.js';
import { annotations, article, spanOf } from './fixtures.js';

function victimsOf(text: string): Array<[string, number, number]> {
  const a = article('v', text);
  const ms = extractIncidentMentions(a, annotations(a, {}), { roleModel: null });
  const seen = new Map<number, [string, number, number]>();
  for (const v of ms.flatMap((m) => m.victims)) seen.set(v.start, [v.text, v.start, v.end]);
  return [...seen.values()].sort((x, y) => x[1] - y[1]);
}

const at = (text: string, part: string): [string, number, number] => {
  const s = spanOf(text, part);
  return [part, s.start, s.end];
};

test('lower-case names after a title and a cue, with a second name joined by "and"', () => {
  const text = 'soldiers murdered peasants juan carlos mendez and rosa ibarra near the river on tuesday.';
  assert.deepEqual(victimsOf(text), [at(text, 'juan carlos mendez'), at(text, 'rosa ibarra')]);
});

test('a title chain after "the murder of" leads to the name, not to the department', () => {
  const text = 'one month after the murder of northern province governor tomas alvarado de la vega, a bomb exploded.';
  assert.deepEqual(victimsOf(text), [at(text, 'tomas alvarado de la vega')]);
});

test('a titled name just before "was kidnapped" is a victim', () => {
  const text = 'liberal senator marta quiroga lenz was kidnapped yesterday by armed men.';
  assert.deepEqual(victimsOf(text), [at(text, 'marta quiroga lenz')]);
});

test('counts, groups and single words are not names', () => {
  assert.deepEqual(victimsOf('the bomb killed several people in the market and wounded 12 policemen.'), []);
  assert.deepEqual(victimsOf('the attack against presidential candidates was condemned.'), []);
  assert.deepEqual(victimsOf('gunmen murdered the priests who ran the school.'), []);
});

test('in cased text only capitalised words can be a name', () => {
  const text = 'Gunmen shot dead Mayor Tomas Vega in Ashby.';
  assert.deepEqual(victimsOf(text), [at(text, 'Tomas Vega')]);
  assert.deepEqual(victimsOf('Gunmen shot dead the village teacher in the square.'), []);
});

test('a name the entity layer found is not read twice', () => {
  const text = 'Gunmen killed Tomas Vega in Ashby.';
  const a = article('v', text);
  const ms = extractIncidentMentions(a, annotations(a, { entities: [['Tomas Vega', 'PERSON']] }), { roleModel: null });
  assert.deepEqual(ms.flatMap((m) => m.victims).map((v) => [v.text, v.start]), [['Tomas Vega', spanOf(text, 'Tomas Vega').start]]);
});

test('a target noun takes the plain words modifying it, but not a determiner or a participle', () => {
  const text = 'rebels blew up a power substation and a federal police building, then bombed the crowded market.';
  const a = article('t', text);
  const targets = extractIncidentMentions(a, annotations(a, {}), { roleModel: null }).flatMap((m) => m.targets);
  const unique = [...new Map(targets.map((t) => [t.start, [t.text, t.start, t.end]])).values()];
  assert.deepEqual(unique, [at(text, 'power substation'), at(text, 'federal police building'), at(text, 'market')]);
});
