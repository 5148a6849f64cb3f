import assert from 'node:assert/strict';
import { test } from 'node:test';
import { extendName, nameKey, titleOffset, personKey, personMention, resolvePeople } from '../../src/nlp/persons.js';
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
