import assert from 'node:assert/strict';
import { test } from 'node:test';
import { nameKey } from '../../src/knowledge/index.js';
import { adoptSurnames, extendName, governmentHeads, joinParticleNames, titledNames, titleOffset, personKey, personMention, resolvePeople } from '../../src/nlp/persons.js';
import type { EntityMention } from '../../src/types.js';

function mentionOf(text: string, surface: string, from = 0): EntityMention {
  const start = text.indexOf(surface, from);
  assert.ok(start >= 0, surface);
  const mention = personMention(text, { start, end: start + surface.length });
  assert.ok(mention, surface);
  assert.equal(text.slice(mention.start, mention.end), mention.text);
  return mention;
}

test('titles inside and before a name become its role, as does an appositive', () => {
  const text = "Gen. Mark T. Holloway, the head of the army's Southern Command, spoke. Later Prime Minister Dana Kell and Dr. Ivo Marsh, a surgeon at the clinic, said so.";
  const general = mentionOf(text, 'Gen. Mark T. Holloway');
  assert.deepEqual([general.text, general.role], ['Mark T. Holloway', "Gen., the head of the army's Southern Command"]);
  const premier = mentionOf(text, 'Dana Kell');
  assert.deepEqual([premier.text, premier.role], ['Dana Kell', 'Prime Minister']);
  const doctor = mentionOf(text, 'Dr. Ivo Marsh');
  assert.deepEqual([doctor.text, doctor.role], ['Ivo Marsh', 'Dr., a surgeon at the clinic']);
  assert.equal(personMention(text, { start: 0, end: 4 }), null, 'a title alone is no name');
  const headline = 'Minister lands in Paris; Abu Bakr al-Baghdadi and Ursula von der Leyen';
  assert.equal(personMention(headline, { start: 0, end: 14 }), null, 'a lower-case word is no part of a name');
  assert.equal(mentionOf(headline, 'Abu Bakr al-Baghdadi').text, 'Abu Bakr al-Baghdadi');
  assert.equal(mentionOf(headline, 'Ursula von der Leyen').text, 'Ursula von der Leyen');
});

test('a name the tagger started late is extended to the left, but not over a title or an acronym', () => {
  const text = 'Reporters met Avel D. Dorn there, and US General Tom Reyes too.';
  const late = text.indexOf('D. Dorn');
  assert.deepEqual(extendName(text, { start: late, end: late + 7 }), { start: late - 5, end: late + 7 });
  const general = text.indexOf('General Tom Reyes');
  assert.deepEqual(extendName(text, { start: general, end: general + 17 }), { start: general, end: general + 17 });
  const tom = text.indexOf('Tom Reyes');
  assert.deepEqual(extendName(text, { start: tom, end: tom + 9 }), { start: tom, end: tom + 9 });
});

test('a title inside a phrase marks where a name begins', () => {
  assert.equal(titleOffset('US General Tom Reyes'), 3);
  assert.equal(titleOffset('Gen. Tom Reyes'), 0);
  assert.equal(titleOffset('Office of the President'), -1);
  assert.equal(titleOffset('Northern Front'), -1);
});

test('later mentions resolve to the full name and share its id', () => {
  const text = 'Mark T. Holloway spoke first. Mr. Holloway then left, and Holloway did not return. Kell stayed.';
  const mentions = [mentionOf(text, 'Mark T. Holloway'), mentionOf(text, 'Mr. Holloway'), mentionOf(text, 'Holloway', 45), mentionOf(text, 'Kell')];
  const resolved = resolvePeople(mentions, () => null);
  assert.deepEqual(
    resolved.map((m) => [m.text, m.name, m.id]),
    [
      ['Mark T. Holloway', 'Mark T. Holloway', 'person:mrk1-hlw3'],
      ['Holloway', 'Mark T. Holloway', 'person:mrk1-hlw3'],
      ['Holloway', 'Mark T. Holloway', 'person:mrk1-hlw3'],
      ['Kell', 'Kell', 'person:kl1'],
    ],
  );
  assert.equal(resolved[1].role, 'Mr.');
});

test('a knowledge-base link replaces the generated id', () => {
  const text = 'Dana Kell arrived.';
  const [m] = resolvePeople([mentionOf(text, 'Dana Kell')], (name) => (name === 'Dana Kell' ? { id: 'Q1', name: 'Dana J. Kell' } : null));
  assert.deepEqual([m.id, m.name], ['Q1', 'Dana J. Kell']);
});

test('spelling variants share one key', () => {
  assert.equal(nameKey('Suleimani'), nameKey('Soleimani'));
  assert.equal(nameKey('Qassim'), nameKey('Qasim'));
  assert.equal(nameKey('Qassem'), nameKey('Qasim'));
  assert.equal(personKey('Qassim Suleimani'), personKey('Qasem Soleimani'));
  assert.equal(personKey('Vladimir V. Putin'), personKey('Vladimir Putin'));
  assert.notEqual(personKey('Vladimir Putin'), personKey('Vladimir Potanin'));
});

/** An entity mention of `surface` as a tagger might type it (no id unless given). */
function tagged(text: string, surface: string, type: EntityMention['type'], id?: string, from = 0): EntityMention {
  const start = text.indexOf(surface, from);
  assert.ok(start >= 0, surface);
  return { start, end: start + surface.length, text: surface, type, ...(id ? { id, name: surface } : {}) };
}

test('a name split at an Arabic particle is joined into one person', () => {
  const text = 'Abu Karim al-Tamimi al-Shammari now leads the cell, Faris bin Saleh pays it, and Jund al-Nasr Brigades guard it. Hamas al-Qassam fired from Wadi al-Hajar.';
  const mentions = [
    mentionOf(text, 'Abu Karim'),
    tagged(text, 'al-Shammari', 'ORG'),
    tagged(text, 'Faris', 'ORG'),
    tagged(text, 'Saleh', 'ORG'),
    tagged(text, 'Jund', 'ORG'),
    tagged(text, 'Hamas', 'ORG', 'Q-hamas'),
    tagged(text, 'Wadi', 'LOC'),
  ];
  const joined = joinParticleNames(text, mentions);
  assert.deepEqual(
    joined.map((m) => [m.text, m.type, m.start, m.end]),
    [
      ['Abu Karim al-Tamimi al-Shammari', 'PERSON', 0, 31],
      ['Faris bin Saleh', 'PERSON', 52, 67],
      // Not people: "al-" joins place and group names too; only a person's mention takes it on.
      ['Jund', 'ORG', 81, 85],
      // Not a person: the knowledge base knows it.
      ['Hamas', 'ORG', 113, 118],
      ['Wadi', 'LOC', 140, 144],
    ],
  );
  assert.equal(joinParticleNames(text, joined)[0], joined[0], 'joining twice changes nothing');
});

test('a lone surname the tagger typed as an organisation is the person of that surname', () => {
  const text = 'Karim al-Shammari spoke. Later al-Shammari left, the Shammari Group said, and al-Hashimi stayed.';
  const mentions = [mentionOf(text, 'Karim al-Shammari'), tagged(text, 'al-Shammari', 'ORG', undefined, 10), tagged(text, 'Shammari Group', 'ORG'), tagged(text, 'al-Hashimi', 'ORG')];
  const resolved = adoptSurnames(resolvePeople(mentions, () => null));
  assert.deepEqual(
    resolved.map((m) => [m.text, m.type, m.name ?? null]),
    [
      ['Karim al-Shammari', 'PERSON', 'Karim al-Shammari'],
      ['al-Shammari', 'PERSON', 'Karim al-Shammari'],
      ['Shammari Group', 'ORG', null],
      ['al-Hashimi', 'ORG', null],
    ],
  );
  assert.equal(resolved[0].id, resolved[1].id);
});

test('a lone surname takes the name and id of a person resolved by title, even typed as a place', () => {
  const text = 'Governor Ilse Marwick spoke first. Hours later Marwick returned, and Tavor stayed home.';
  const mentions = [mentionOf(text, 'Governor Ilse Marwick'), tagged(text, 'Marwick', 'LOC', undefined, 30), tagged(text, 'Tavor', 'ORG')];
  const adopted = adoptSurnames(resolvePeople(mentions, () => null));
  assert.deepEqual(
    adopted.map((m) => [m.text, m.start, m.type, m.name ?? null, m.id ?? null]),
    [
      ['Ilse Marwick', 9, 'PERSON', 'Ilse Marwick', 'person:als2-mrwck2'],
      ['Marwick', 47, 'PERSON', 'Ilse Marwick', 'person:als2-mrwck2'],
      ['Tavor', 69, 'ORG', null, null],
    ],
  );
});

test('a surname before "administration" or "government" is the person it names when that person is known', () => {
  const text = 'Ilse Marwick won in May. The Marwick Administration and the Tavor government met; the Hollis administration did not.';
  const resolved = resolvePeople([mentionOf(text, 'Ilse Marwick'), tagged(text, 'Marwick Administration', 'ORG'), tagged(text, 'Tavor government', 'ORG')], () => null);
  const known = (name: string) => (name === 'Tavor' ? { id: 'sitrep:person/tavor', name: 'Rafi Tavor' } : null);
  assert.deepEqual(
    governmentHeads(text, resolved, known).map((m) => [m.text, m.start, m.end, m.type, m.name ?? null, m.id ?? null]),
    [
      ['Ilse Marwick', 0, 12, 'PERSON', 'Ilse Marwick', 'person:als2-mrwck2'],
      ['Marwick', 29, 36, 'PERSON', 'Ilse Marwick', 'person:als2-mrwck2'],
      ['Tavor', 60, 65, 'PERSON', 'Rafi Tavor', 'sitrep:person/tavor'],
    ],
  );
});

test('headline verbs and institution nouns are never part of a name', () => {
  const text = 'Rowan Issues Executive Order On Ports. The Kessler Regime fell. Mira Latest was not hurt.';
  for (const fragment of ['Rowan Issues Executive', 'Kessler Regime', 'Mira Latest']) {
    const start = text.indexOf(fragment);
    assert.equal(personMention(text, { start, end: start + fragment.length }), null, fragment);
  }
  assert.equal(mentionOf(text, 'Rowan').text, 'Rowan');
});

test('a role set off by a comma before the name is its role', () => {
  const text = 'Adding fuel, the council’s deputy chair, Dana Kell, blamed the west. A service for Freedonia’s former top general, Omar Hale, was held. He said, Tom Reyes agreed.';
  assert.deepEqual([mentionOf(text, 'Dana Kell').role], ['deputy chair']);
  assert.deepEqual([mentionOf(text, 'Omar Hale').role], ['Freedonia’s former top general']);
  assert.equal(mentionOf(text, 'Tom Reyes').role, undefined);
  const adviser = 'White House national security adviser Jon Kirk said so.';
  assert.equal(mentionOf(adviser, 'Jon Kirk').role, 'national security adviser');
});

test('a naming title introduces a person the tagger missed or took for a place', () => {
  const text = 'President Kessler now admits it. Mr. Hale left Hale. The General Assembly met. Gen. Tom Reyes stayed.';
  const place = tagged(text, 'Hale', 'GPE', 'geo:hale');
  const town = tagged(text, 'Hale', 'GPE', 'geo:hale', 40);
  const assembly = tagged(text, 'General Assembly', 'ORG', 'org:unga');
  const reyes = mentionOf(text, 'Gen. Tom Reyes');
  const found = titledNames(text, [place, town, assembly, reyes]);
  assert.deepEqual(
    found.map((m) => [m.text, m.type, m.start, m.role ?? null]),
    [
      ['Kessler', 'PERSON', 10, 'President'],
      ['Hale', 'PERSON', 37, 'Mr.'],
      ['Hale', 'GPE', 47, null],
      ['General Assembly', 'ORG', 57, null],
      ['Tom Reyes', 'PERSON', 84, 'Gen.'],
    ],
  );
});
