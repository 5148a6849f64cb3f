// The article's main event: which mentions refer back to it, which dates they may inherit, which names can be
// perpetrators, and which mentions are too bare to be incidents. Fictional texts written for these tests; real
// place names so the gazetteer can tell that Lyon is in France.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractIncidentMentions } from '../../src/events/mentions.js';
import { annotations, article, spanOf } from './fixtures.js';

test('a country-level mention of the attack folds into the main incident in that country', () => {
  const text = 'Gunmen opened fire at the Riverside Theatre in Lyon on Friday, killing 12 people. It was the deadliest attack in France in ten years.';
  const a = article('fold', text);
  const ms = extractIncidentMentions(a, annotations(a, { entities: [['Riverside Theatre', 'FAC'], ['Lyon', 'GPE'], ['France', 'GPE']], dates: [['Friday', '2031-05-09', 'day']] }));
  assert.equal(ms.length, 2);
  const [lead, country] = ms;
  assert.equal(lead!.folded, false);
  assert.equal(country!.trigger.text, 'attack');
  assert.equal(country!.folded, true);
  assert.deepEqual(country!.places.map((p) => p.name), ['Riverside Theatre', 'Lyon']);
  assert.deepEqual(country!.date, { value: '2031-05-09', precision: 'day', from: 'article' });
  assert.equal(country!.background, false);
});

test('without the gazetteer a country cannot be placed around the town, so the mention is not folded', () => {
  const text = 'Gunmen opened fire at the Riverside Theatre in Lyon on Friday, killing 12 people. It was the deadliest attack in France in ten years.';
  const a = article('nofold', text);
  const ms = extractIncidentMentions(a, annotations(a, { entities: [['Riverside Theatre', 'FAC'], ['Lyon', 'GPE'], ['France', 'GPE']], dates: [['Friday', '2031-05-09', 'day']] }), { knowledge: null });
  assert.equal(ms[1]!.folded, false);
  assert.deepEqual(ms[1]!.places.map((p) => p.name), ['France']);
});

test('places, nationalities and news agencies are never perpetrators; a group NORP and an ORG are', () => {
  const text =
    'A bomb exploded outside the town hall in Lyon on Friday. ' +
    'Two men accused of planting the bomb appeared in a Lyon court. ' +
    'Belgian officials said the bombing was carried out by Islamists. ' +
    'The bombing was blamed on Belgians, and the Red Dawn movement claimed responsibility for the attack in a statement carried by Amaq.';
  const a = article('perp', text);
  const ms = extractIncidentMentions(
    a,
    annotations(a, {
      entities: [
        ['Lyon', 'GPE'],
        ['Lyon', 'GPE', { n: 1 }],
        ['Belgian', 'NORP', { id: 'sitrep:nationality/BE' }],
        ['Islamists', 'NORP', { id: 'sitrep:norp/islamist' }],
        ['Belgians', 'NORP', { id: 'sitrep:nationality/BE' }],
        ['Red Dawn', 'ORG'],
        // A news agency in the knowledge base: it carries the claim, it is not a perpetrator.
        ['Amaq', 'ORG', { id: 'sitrep:org/amaq' }],
      ],
      dates: [['Friday', '2031-05-09', 'day']],
    }),
  );
  const named = ms.flatMap((m) => m.perpetrators).filter((p) => p.entityType !== 'DESCRIPTION');
  assert.deepEqual([...new Set(named.map((p) => `${p.name}|${p.entityType}|${p.start}`))], [`Islamists|NORP|${spanOf(text, 'Islamists').start}`, `Red Dawn|ORG|${spanOf(text, 'Red Dawn').start}`]);
  // "blamed on Belgians": the cue's nearest name is a nationality, so the cue names no one (not the farther Red Dawn).
  assert.deepEqual([...new Set(named.filter((p) => p.name === 'Red Dawn').map((p) => p.status))], ['claimed']);
});

test('an accusation by officials is a statement: the accused description is alleged and the mention refers to the main attack', () => {
  const text = 'Gunmen stormed the Riverside Theatre in Lyon on Friday, killing 12 people. Belgian officials suggested the attackers had contacts in Geneva.';
  const a = article('accuse', text);
  const ms = extractIncidentMentions(
    a,
    annotations(a, {
      entities: [['Riverside Theatre', 'FAC'], ['Lyon', 'GPE'], ['Belgian', 'NORP', { id: 'sitrep:nationality/BE' }], ['Geneva', 'GPE']],
      dates: [['Friday', '2031-05-09', 'day']],
    }),
  );
  const accusation = ms.find((m) => m.trigger.text === 'attackers')!;
  assert.deepEqual(accusation.perpetrators.map((p) => [p.text, p.entityType, p.status]), [['attackers', 'DESCRIPTION', 'alleged']]);
  assert.equal(accusation.folded, true);
  assert.deepEqual(accusation.places.map((p) => p.name), ['Riverside Theatre', 'Lyon']);
});

test('a time the sentence names itself blocks the inherited date; unsure means null, not the older bombing\'s month', () => {
  // No publication date: "around New Year" cannot be resolved, and the only written date is an older bombing.
  const text =
    'The siege at the Riverside Theatre in Lyon ended with 12 dead. ' +
    'In August 2029 a bomb exploded at the airport in Kabul. ' +
    'In Lyon, police detained suspects over a planned attack on the cathedral around New Year.';
  const a = article('dates', text, '');
  a.published = null;
  const ms = extractIncidentMentions(
    a,
    annotations(a, {
      entities: [['Riverside Theatre', 'FAC'], ['Lyon', 'GPE'], ['Kabul', 'GPE'], ['Lyon', 'GPE', { n: 1 }]],
      dates: [['August 2029', '2029-08', 'month']],
      quantities: [['12', 12, 12]],
    }),
  );
  const byType = (type: string) => ms.filter((m) => m.type === type);
  assert.deepEqual(byType('bombing').map((m) => [m.date?.value, m.background]), [['2029-08', true]]);
  // The siege leads the article and has no date: nothing dates the article, so nothing is inherited.
  assert.deepEqual(byType('hostage-taking').map((m) => m.date), [null]);
  const plot = [...byType('foiled plot'), ...byType('arrest')];
  assert.equal(plot.length, 2);
  for (const m of plot) {
    assert.equal(m.date, null);
    assert.deepEqual(m.places.map((p) => p.name), ['Lyon']);
  }
});

test('with a dated lead, a sentence naming its own unresolved time still keeps no date', () => {
  const text = 'Gunmen stormed the Riverside Theatre in Lyon on Friday. Police arrested 3 men in Lyon around New Year. Police arrested 2 men in Lyon.';
  const a = article('own-time', text);
  const ms = extractIncidentMentions(
    a,
    annotations(a, {
      entities: [['Riverside Theatre', 'FAC'], ['Lyon', 'GPE'], ['Lyon', 'GPE', { n: 1 }], ['Lyon', 'GPE', { n: 2 }]],
      dates: [['Friday', '2031-05-09', 'day']],
      quantities: [['3', 3, 3, { unit: 'man' }], ['2', 2, 2, { unit: 'man' }]],
    }),
  );
  assert.deepEqual(
    ms.filter((m) => m.type === 'arrest').map((m) => m.date?.value ?? null),
    [null, '2031-05-09'],
  );
});

test('bare back-references fold into the main incident; bare follow-ups are dropped with the reason', () => {
  // Published on Monday 2031-05-12: "on Monday" dates the minister's statement, not the attack.
  const text =
    'Gunmen stormed the Riverside Theatre in Lyon on Friday, killing 12 people. ' +
    'The interior minister acknowledged on Monday that the attack had been planned for months. ' +
    'Officials warned of further attacks.';
  const a = article('bare', text, '2031-05-12T09:00:00Z');
  const ms = extractIncidentMentions(
    a,
    annotations(a, {
      entities: [['Riverside Theatre', 'FAC'], ['Lyon', 'GPE']],
      dates: [['Friday', '2031-05-09', 'day'], ['Monday', '2031-05-12', 'day']],
      quantities: [['12', 12, 12, { unit: 'people' }]],
    }),
  );
  assert.deepEqual(
    ms.map((m) => [m.type, m.trigger.text, m.date?.value ?? null, m.folded, m.dropped]),
    [
      ['armed assault', 'stormed', '2031-05-09', false, null],
      ['armed assault', 'attack', '2031-05-09', true, null],
      ['warning or advisory', 'warned', '2031-05-09', false, 'warning or advisory with no place, date, figure or perpetrator of its own'],
    ],
  );
});

test('an arrest of the gunmen is an arrest, not a second attack', () => {
  const text = 'Gunmen stormed the Riverside Theatre in Lyon on Friday. Police detained four suspected gunmen in Grenoble.';
  const a = article('arrest', text);
  const ms = extractIncidentMentions(
    a,
    annotations(a, { entities: [['Riverside Theatre', 'FAC'], ['Lyon', 'GPE'], ['Grenoble', 'GPE']], dates: [['Friday', '2031-05-09', 'day']], quantities: [['four', 4, 4]] }),
  );
  const second = ms.filter((m) => m.sentence.start >= spanOf(text, 'Police').start);
  assert.deepEqual(
    second.map((m) => [m.type, m.background, m.date?.value]),
    [['arrest', false, '2031-05-09']],
  );
});

test('attackers named before a passive verb were harmed, not the doers', () => {
  const text = 'Three gunmen were killed by police in Lyon on Friday.';
  const a = article('passive', text);
  const ms = extractIncidentMentions(a, annotations(a, { entities: [['Lyon', 'GPE']], dates: [['Friday', '2031-05-09', 'day']] }));
  assert.equal(ms.length, 1);
  assert.deepEqual(ms[0]!.perpetrators, []);
});
