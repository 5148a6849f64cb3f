import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { catalogEntries, catalogProblems } from '../../src/knowledge/catalog.js';
import type { KnownEntity } from '../../src/knowledge/index.js';
import { linkName, matchKnown } from '../../src/knowledge/index.js';
import { annotate } from '../../src/nlp/index.js';
import type { Article } from '../../src/types.js';

const PUTIN = 'Q7747';

function article(text: string): Article {
  return { id: 'p1', source: 'test', url: null, title: null, text, published: '2024-03-23', publishedFrom: 'metadata', outlet: null, byline: null, language: 'en', fetchedAt: null, offsets: { runs: [] } };
}

/** The PERSON mentions of `text` as [text, start, end, id, name]. */
function people(text: string): Array<[string, number, number, string | undefined, string | undefined]> {
  return annotate(article(text))
    .entities.filter((e) => e.type === 'PERSON')
    .map((e) => [e.text, e.start, e.end, e.id, e.name]);
}

function idOf(name: string): string {
  const person = linkName(name, 'PERSON');
  assert.ok(person, name);
  return person.id;
}

describe('people in the knowledge base', () => {
  it('links a person by name, alias, title and initials', () => {
    for (const name of ['Vladimir Putin', 'President Putin', 'Putin', "Putin's", 'Vladimir V. Putin', 'Vladimir Vladimirovich Putin']) {
      assert.equal(linkName(name, 'PERSON')?.id, PUTIN, name);
    }
    const putin = linkName('Putin', 'PERSON');
    assert.equal(putin?.kind, 'head-of-state');
    assert.equal(putin?.country, 'RU');
    assert.equal(putin?.role, 'President of Russia');
  });

  it('brings transliterations together on one entry, listed or not', () => {
    const soleimani = idOf('Qasem Soleimani');
    for (const variant of ['Qassem Suleimani', 'Qassim Suleimani', 'Qasim Soleimani', 'Ghasem Soleimani', 'Suleimani', 'Qassem Soleymani']) {
      assert.equal(linkName(variant, 'PERSON')?.id, soleimani, variant);
    }
    assert.equal(idOf('Volodymyr Zelenskiy'), idOf('Zelensky'));
    assert.equal(idOf('Recep Tayyip Erdogan'), idOf('Erdoğan'));
    assert.equal(idOf('Abu Mohammed al-Golani'), idOf('Ahmed al-Sharaa'));
  });

  it('links no one whose name only resembles a known person', () => {
    assert.equal(linkName('Abu Omar al-Baghdadi', 'PERSON'), null, 'every word must match, not first and last');
    assert.equal(linkName('Vladimir Potanin', 'PERSON'), null);
    assert.equal(linkName('Mady', 'PERSON'), null, 'a short lone name is not matched by its skeleton (Modi)');
    assert.equal(linkName('Harris', 'PERSON'), null, 'a common surname alone names no one');
    assert.equal(linkName('Putin', 'ORG'), null);
  });

  it('leaves spotting people in running text to the tagger', () => {
    assert.deepEqual(
      matchKnown('Putin met Erdogan in Ankara.').map((m) => [m.text, m.entity.type]),
      [['Ankara', 'GPE']],
    );
  });

  it('gives every person a kind, a role and distinct aliases', () => {
    const list = catalogEntries().filter((e) => e.type === 'PERSON');
    assert.ok(list.length >= 150, `only ${list.length} people`);
    for (const p of list) {
      assert.match(p.kind, /^(?:head-of-state|head-of-government|minister|security-official|official|regional-leader|militant-leader|political-leader)$/, p.id);
      assert.ok(p.role && p.role.trim() !== '', `${p.id}: no role`);
      assert.ok(!p.aliases.includes(p.name), `${p.id}: name repeated as alias`);
    }
  });

  it('reports an empty role', () => {
    const broken = [{ id: 'sitrep:person/x', name: 'X', type: 'PERSON', kind: 'minister', role: ' ', aliases: [] }] as unknown as KnownEntity[];
    assert.deepEqual(catalogProblems(broken, () => true), ['sitrep:person/x: empty role']);
  });
});

describe('people linked in annotated text', () => {
  it('names the person of "X administration" when the text names no one else so', () => {
    const text = 'Officials in the Biden administration condemned the attack on Friday.';
    assert.deepEqual(people(text), [['Biden', 17, 22, idOf('Joe Biden'), 'Joe Biden']]);
  });

  it('resolves "X government" and a lone surname to the known person', () => {
    const text = 'The Netanyahu government approved the plan. President Vladimir Putin called it a barbaric act. Putin said more.';
    assert.deepEqual(people(text), [
      ['Netanyahu', 4, 13, idOf('Benjamin Netanyahu'), 'Benjamin Netanyahu'],
      ['Vladimir Putin', 54, 68, PUTIN, 'Vladimir Putin'],
      ['Putin', 95, 100, PUTIN, 'Vladimir Putin'],
    ]);
  });

  it('prefers a full name in the same text to the knowledge base for a lone surname', () => {
    const text = 'Hunter Biden arrived in Delaware. Biden said he was innocent.';
    const [hunter, biden] = people(text);
    assert.deepEqual(hunter.slice(0, 3), ['Hunter Biden', 0, 12]);
    assert.deepEqual(biden, ['Biden', 34, 39, hunter[3], 'Hunter Biden']);
    assert.notEqual(biden[3], idOf('Joe Biden'));
  });

  it('gives two spellings of one name in a text the same entity', () => {
    const text = 'Qassem Suleimani was killed in Baghdad in 2020. Iran vowed to avenge Qasim Soleimani.';
    const id = idOf('Qasem Soleimani');
    assert.deepEqual(people(text), [
      ['Qassem Suleimani', 0, 16, id, 'Qasem Soleimani'],
      ['Qasim Soleimani', 69, 84, id, 'Qasem Soleimani'],
    ]);
  });
});
