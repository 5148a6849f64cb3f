// Role filling from syntax-like patterns, in lower-cased text where the tagger misses or cuts names. These are the
// rules alone (no learned model): their fillers are the learned classifier's candidates and features.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractIncidentMentions } from '../../src/events/mentions.js';
import type { IncidentMention } from '../../src/events/types.js';
import { annotations, article, spanOf, type Layers } from './fixtures.js';

function mentionsOf(text: string, layers: Layers = {}): IncidentMention[] {
  const a = article('r', text);
  return extractIncidentMentions(a, annotations(a, layers), { knowledge: null, roleModel: null });
}

const perps = (m: IncidentMention) => m.perpetrators.map((p) => [p.text, p.name, p.entityType, p.status]);

test('an acronym defined in parentheses names its long form: a cut name, the long form and the untagged acronym are one', () => {
  const text =
    'members of the zeta marti popular liberation front (zmplf) attacked an electric power substation. ' +
    'the zmplf claimed responsibility for the attack.';
  const [attack, claim] = mentionsOf(text, { entities: [['marti popular liberation front', 'ORG']] });
  const long = 'zeta marti popular liberation front';
  assert.deepEqual(perps(attack!), [['marti popular liberation front', long, 'ORG', 'attributed']]);
  assert.deepEqual(attack!.targets.map((t) => t.text), ['electric power substation']);
  assert.equal(claim!.type, 'claim of responsibility');
  assert.deepEqual(perps(claim!), [['zmplf', long, 'ORG', 'claimed']]);
  assert.deepEqual([claim!.perpetrators[0]!.start, claim!.perpetrators[0]!.end], [spanOf(text, 'zmplf', 1).start, spanOf(text, 'zmplf', 1).end]);
});

test('the phrase right before "claimed responsibility" is the claimant even untagged; a bare "group" names no one', () => {
  const [m] = mentionsOf('the redeemers immediately claimed responsibility for the kidnapping.');
  assert.deepEqual(perps(m!), [['redeemers', 'redeemers', 'ORG', 'claimed']]);
  const [none] = mentionsOf('no group immediately claimed responsibility for the kidnapping.');
  assert.deepEqual(none!.perpetrators, []);
});

test('after "by", a phrase ending in an organisation noun is a group; security forces are not read this way', () => {
  const [m] = mentionsOf('the bombing was carried out by the northern liberation front, officials said.');
  assert.deepEqual(perps(m!), [['northern liberation front', 'northern liberation front', 'ORG', 'attributed']]);
  const [police] = mentionsOf('two gunmen were killed by the national police.');
  assert.deepEqual(police!.perpetrators, []);
});

test('"by a commando of the X" names X as the group, and the commando as the people who acted', () => {
  const [m] = mentionsOf('the businessman was kidnapped by a commando of the red hand movement.');
  assert.deepEqual(m!.perpetrators.map((p) => [p.text, p.entityType]), [['red hand movement', 'ORG'], ['commando', 'DESCRIPTION']]);
});

test('a group right before a perpetrator description acts with it: both are perpetrators', () => {
  const text = 'zlf guerrillas attacked a bus.';
  const [m] = mentionsOf(text, { entities: [['zlf', 'ORG']] });
  assert.deepEqual(perps(m!), [
    ['zlf', 'zlf', 'ORG', 'attributed'],
    ['zlf guerrillas', 'guerrillas', 'DESCRIPTION', 'attributed'],
  ]);
});

test('people harmed are not doers: "rebels killed by troops", and "terrorist" in "terrorist attack" qualifies the attack', () => {
  const [m] = mentionsOf('three rebels killed by troops were buried in a terrorist attack zone.');
  assert.deepEqual(m!.perpetrators, []);
  const [n] = mentionsOf('a terrorist attack destroyed the bridge.');
  assert.deepEqual(n!.perpetrators, []);
  assert.deepEqual(n!.targets.map((t) => t.text), ['bridge']);
});

test('weapons take their modifier; arms seized are a haul, not a weapon, until a new clause', () => {
  const [m] = mentionsOf('rebels hurled incendiary bombs at the bank.');
  assert.deepEqual(m!.weapons.map((w) => [w.text, w.start]), [['incendiary bombs', 14]]);
  const text = 'troops seized six rifles, two grenades and a mortar after guerrillas attacked the post with dynamite.';
  const ms = mentionsOf(text);
  assert.deepEqual([...new Set(ms.flatMap((x) => x.weapons.map((w) => w.text)))], ['dynamite']);
  const [squad] = mentionsOf('a bomb squad defused the device after the explosion.');
  assert.deepEqual(squad!.weapons, []);
});

test('targets: not part of a weapon, not people qualified by it, not a place passed by; an "of" phrase and a possessive belong to it', () => {
  const [bomb] = mentionsOf('a car bomb exploded near the hotel, wounding university students.');
  assert.deepEqual(bomb!.targets, []);
  assert.deepEqual(bomb!.weapons.map((w) => w.text), ['car bomb']);
  const [offices] = mentionsOf('guerrillas bombed the offices of the electoral council in the capital.');
  assert.deepEqual(offices!.targets.map((t) => t.text), ['offices of the electoral council']);
  const [home] = mentionsOf("rebels attacked the president's home.");
  assert.deepEqual(home!.targets.map((t) => t.text), ["president's home"]);
});

test('spelling variants of kidnapping are cues, and a titled name before "were kidnaped" is a victim', () => {
  const [m] = mentionsOf('journalist maria lopez and her driver were kidnaped yesterday.');
  assert.equal(m!.type, 'kidnapping');
  assert.deepEqual(m!.victims.map((v) => v.text), ['maria lopez']);
});

test('"members of the X" gives the group and the members who acted; "by a group of" introduces the doers', () => {
  const [m] = mentionsOf('members of the red hand movement attacked a police post.');
  assert.deepEqual(perps(m!), [
    ['red hand movement', 'red hand movement', 'ORG', 'attributed'],
    ['members of the red hand movement', 'members of the red hand movement', 'DESCRIPTION', 'attributed'],
  ]);
  const [n] = mentionsOf('two priests were shot dead by a group of unidentified gunmen.');
  assert.deepEqual(n!.perpetrators.map((p) => p.text), ['unidentified gunmen']);
});

test('a target is also the subject of a passive trigger, and a nationality before it is not part of it', () => {
  const text = 'the ruritanian embassy was bombed and a bus was burned.';
  const [m] = mentionsOf(text, { entities: [['ruritanian', 'NORP']] });
  assert.deepEqual(m!.targets.map((t) => [t.text, t.start]), [['embassy', spanOf(text, 'embassy').start], ['bus', spanOf(text, 'bus').start]]);
});

test('victims: "X, who was kidnapped" and "X\'s murder", read without capitals', () => {
  const [m] = mentionsOf('the statement was read by ana maria soto, who was kidnapped in march.');
  assert.deepEqual(m!.victims.map((v) => v.text), ['ana maria soto']);
  const [n] = mentionsOf("rebels staged attacks to protest candidate jorge luis vera's murder.");
  assert.deepEqual(n!.victims.map((v) => v.text), ['jorge luis vera']);
});

test('"attributed the attack to X" names X; a linked group ending in "Province" is still a group', () => {
  const text = 'An official attributed the attack to the Northern Province Front. Gunmen attacked a bus.';
  const ms = mentionsOf(text, { entities: [['Northern Province Front', 'ORG', { id: 'test:npf' }]] });
  assert.deepEqual(ms[0]!.perpetrators.map((p) => [p.text, p.status]), [['Northern Province Front', 'attributed']]);
  const province = 'A US official attributed the attack to Wilayat Province.';
  const [m] = mentionsOf(province, { entities: [['Wilayat Province', 'ORG', { id: 'test:wp' }]] });
  assert.deepEqual(m!.perpetrators.map((p) => p.text), ['Wilayat Province']);
  const [unlinked] = mentionsOf('The attack was blamed on Wilayat Province.', { entities: [['Wilayat Province', 'ORG']] });
  assert.deepEqual(unlinked!.perpetrators, []);
});

test('an article defining thousands of acronyms is read in linear time', () => {
  const text = Array.from({ length: 2000 }, (_, i) => `members of the red hand movement (rhm) attacked post ${i} (words indistinct).`).join(' ');
  const t0 = performance.now();
  const ms = mentionsOf(text);
  const elapsed = performance.now() - t0;
  assert.equal(ms.length, 2000);
  assert.deepEqual(ms[1999]!.perpetrators.map((p) => [p.name, p.entityType]), [['red hand movement', 'ORG'], ['members of the red hand movement', 'DESCRIPTION']]);
  assert.ok(elapsed < 3000, `took ${elapsed.toFixed(0)} ms`);
});
