import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { getEntity, linkName, lookupPlace, parentChain } from '../../src/knowledge/index.js';

const IS = 'Q2429253';

describe('linkName: aliases', () => {
  it('resolves every way of writing ISIS-K to one entity whose parent is the Islamic State', () => {
    const variants = [
      'ISIS-K', 'ISIS K', 'ISIL-K', 'IS-K', 'ISKP', 'IS-KP', 'ISIS-Khorasan', 'Islamic State Khorasan',
      'Islamic State Khorasan Province', 'Islamic State in Khorasan Province', 'Islamic State – Khorasan Province',
      'Islamic State-Khorasan', 'Islamic State Khurasan', "ISIS-K's", 'the ISKP',
    ];
    const ids = new Set(variants.map((v) => linkName(v)?.id));
    assert.equal(ids.size, 1, `variants resolved to ${[...ids].join(', ')}`);
    const iskp = linkName('ISIS-K');
    assert.ok(iskp);
    assert.equal(iskp.type, 'ORG');
    assert.equal(iskp.kind, 'armed-group');
    assert.equal(iskp.parent, IS);
    assert.deepEqual(parentChain(iskp.id).map((e) => e.id), [IS]);
  });

  it('resolves the parent names to the Islamic State itself', () => {
    for (const name of ['IS', 'ISIS', 'ISIL', 'Daesh', "Da'esh", 'Islamic State group', 'the Islamic State', "Islamic State's", 'Isis']) {
      assert.equal(linkName(name)?.id, IS, name);
    }
    assert.equal(getEntity(IS)?.parent, undefined);
  });

  it('knows Amaq as the Islamic State news agency', () => {
    const amaq = linkName('Amaq News Agency');
    assert.equal(amaq?.id, 'sitrep:org/amaq');
    assert.equal(amaq?.kind, 'news-agency');
    assert.equal(amaq?.parent, IS);
    assert.equal(linkName('Amaq')?.id, 'sitrep:org/amaq');
  });

  it('unifies spelling variants and transliterations', () => {
    assert.equal(linkName('Krokus City Hall')?.id, 'sitrep:fac/crocus-city-hall');
    assert.equal(linkName('Crocus City Hall', 'FAC')?.country, 'RU');
    assert.equal(linkName("al-Qa'ida")?.id, 'Q34490');
    assert.equal(linkName('Al Qaida')?.id, 'Q34490');
    assert.equal(linkName('Hizballah')?.id, 'Q41053');
    assert.equal(linkName('al-Shabab')?.id, 'sitrep:org/al-shabaab');
    assert.equal(linkName('al-Shabab')?.parent, 'Q34490');
    assert.equal(linkName('Russian Defence Ministry')?.id, linkName('Russian Defense Ministry')?.id);
  });

  it('strips titles, quotes and possessives before looking up', () => {
    assert.equal(linkName('“the FSB’s”')?.id, 'sitrep:org/fsb');
    assert.equal(linkName('the Kremlin')?.id, 'sitrep:org/kremlin');
    assert.equal(linkName('Taliban’s')?.id, 'sitrep:org/taliban');
  });

  it('keeps the case rules of short aliases: "is" and "us" are words, not entities', () => {
    assert.equal(linkName('is'), null);
    assert.notEqual(linkName('Is')?.id, IS, 'capitalised "Is" may be a place, never the group');
    assert.equal(linkName('us'), null);
    assert.equal(linkName('US')?.id, 'iso:US');
    assert.equal(linkName('AP')?.id, 'Q40469');
    assert.equal(linkName('ap'), null);
  });

  it('names the chambers behind committee mentions, national guards and distinct institutes', () => {
    assert.equal(linkName('House committee')?.id, 'sitrep:org/us-house');
    assert.equal(linkName('House Armed Services Committee')?.id, 'sitrep:org/us-house');
    assert.equal(linkName('the Senate panel')?.id, 'sitrep:org/us-senate');
    assert.equal(linkName("Russia's National Guard")?.id, 'sitrep:org/rosgvardia');
    assert.equal(linkName('House'), null, 'the House alone could be any chamber');
    assert.equal(linkName('the Soufan Group')?.id, 'sitrep:org/soufan-group');
    assert.equal(linkName('Soufan Center')?.id, 'sitrep:org/soufan-center');
    assert.equal(linkName('Georgetown University')?.type, 'ORG');
    assert.equal(linkName('Afghan', 'NORP')?.name, 'Afghan');
    assert.equal(linkName('the Assad regime')?.id, 'sitrep:org/sy-government');
    assert.equal(linkName('U.S. government')?.id, 'sitrep:org/us-government');
    assert.equal(linkName('the Cologne Cathedral')?.type, 'FAC');
  });

  it('filters by entity type and prefers the countries in context', () => {
    assert.equal(linkName('Taliban', 'ORG')?.id, 'sitrep:org/taliban');
    assert.equal(linkName('Taliban', 'NORP'), null);
    assert.equal(linkName('Tajik', 'NORP')?.country, 'TJ');
    assert.equal(linkName('Kremlin', 'FAC')?.id, 'sitrep:org/kremlin', 'institutions named after buildings link either way');
    assert.equal(linkName('Moscow', 'GPE')?.country, 'RU');
    assert.equal(linkName('Moscow', 'GPE', { countries: ['US'] })?.country, 'US');
    assert.equal(linkName('Vladimir Putin', 'PERSON')?.id, 'Q7747');
  });

  it('links distinct groups of the same family separately', () => {
    assert.equal(linkName('Pakistani Taliban')?.id, 'sitrep:org/ttp');
    assert.notEqual(linkName('TTP')?.id, linkName('Taliban')?.id);
    assert.equal(linkName('Haqqani network')?.parent, 'sitrep:org/taliban');
    assert.equal(linkName('ISWAP')?.parent, IS);
    assert.notEqual(linkName('Boko Haram')?.id, linkName('ISWAP')?.id);
    assert.equal(linkName('Real IRA')?.parent, linkName('IRA')?.id);
    assert.equal(linkName('Qassam Brigades')?.parent, linkName('Hamas')?.id);
  });

  it('hands out shared entities that nobody can change', () => {
    const fsb = linkName('FSB');
    assert.ok(fsb);
    assert.throws(() => Object.assign(fsb, { name: 'changed' }), TypeError);
    assert.throws(() => (fsb.aliases as string[]).push('changed'), TypeError);
    assert.equal(linkName('FSB')?.name, 'Federal Security Service');
  });

  it('returns null for names it does not know', () => {
    assert.equal(linkName('Frobnicator Liberation Front'), null);
    assert.equal(linkName(''), null);
    assert.equal(linkName('   '), null);
  });

  it('refuses strings too long to be names, quickly', () => {
    const started = performance.now();
    assert.equal(linkName(`${' '.repeat(200_000)}x`), null);
    assert.equal(linkName('ISIS '.repeat(100_000)), null);
    assert.equal(lookupPlace('Moscow '.repeat(100_000)), null);
    assert.ok(performance.now() - started < 1000);
  });
});
