// The behaviour every Repository must have; sqlite.test.ts and postgres.test.ts run it against each back end.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { ArticleDigest, Repository } from '../../src/store/repository.js';
import type { Incident, Story } from '../../src/types.js';
import { annotations, article, binaryBytes, mention } from './fixtures.js';

/** Opens a fresh, empty repository; `dispose` closes it and removes what it created. */
export type RepositoryFactory = () => Promise<{ repo: Repository; dispose: () => Promise<void> }>;

const DRONE_TITLE = 'Drone strikes a fuel depot near the river port';
const DRONE_TEXT =
  'A drone hit a fuel depot before dawn. Firefighters said the drone came from the south.\n\nA second drone was shot down over the harbour.';
const LONG_TEXT =
  'The regional council met on Tuesday to discuss road repairs, school budgets and the new bus timetable. ' +
  'Late in the session a member asked about the drone seen above the market last week. ' +
  'The council agreed to publish its minutes on Friday.';
const HALL_TEXT = 'Police closed the square in front of City Hall after a suspicious bag was found near the entrance.';
const REVERSED_TEXT = 'The hall of the old city was reopened to visitors after repairs to its roof.';

function incident(id: string, type: Incident['type']): Incident {
  return { id, type, date: { value: '2024-05-02', precision: 'day' }, place: null, perpetrators: [], figures: {}, weapons: [], targets: [], articles: ['a1'], sources: 1, relatedTo: [], background: false, mentions: [{ articleId: 'a1', start: 0, end: 5 }] };
}

export function repositoryBehaviour(name: string, factory: RepositoryFactory, skip: string | false = false): void {
  describe(`${name} repository`, { skip }, () => {
    async function withRepo(work: (repo: Repository) => Promise<void>): Promise<void> {
      const { repo, dispose } = await factory();
      try {
        await work(repo);
      } finally {
        await dispose();
      }
    }

    test('stores an article once: a second put with the same id changes nothing', () =>
      withRepo(async (repo) => {
        const a = article('a1', DRONE_TITLE, DRONE_TEXT);
        const first = await repo.putArticle(a, Buffer.from('<p>first</p>'), annotations('a1', [mention(DRONE_TEXT, 'harbour', 'LOC', 'geo:1')]));
        assert.deepEqual(first, { id: 'a1', inserted: true });
        const stored = await repo.getArticle('a1');
        const second = await repo.putArticle({ ...a, title: 'Changed' }, Buffer.from('other'), annotations('a1', []));
        assert.deepEqual(second, { id: 'a1', inserted: false });
        assert.equal(await repo.countArticles(), 1);
        assert.deepEqual(await repo.getArticle('a1'), stored);
        assert.equal((await repo.getRaw('a1'))?.toString(), '<p>first</p>');
        assert.equal((await repo.getAnnotations('a1'))?.entities.length, 1);
        assert.equal((await repo.search('depot')).length, 1);
      }));

    test('round-trips every article field and stamps storedAt', () =>
      withRepo(async (repo) => {
        const a = article('a1', null, DRONE_TEXT, { url: null, published: null, publishedFrom: null, language: null });
        await repo.putArticle(a, Buffer.alloc(0));
        const got = await repo.getArticle('a1');
        assert.ok(got);
        const { storedAt, ...rest } = got;
        assert.deepEqual(rest, a);
        assert.match(storedAt, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
        assert.equal(await repo.getArticle('missing'), null);
      }));

    test('returns the raw bytes exactly as stored, binary included', () =>
      withRepo(async (repo) => {
        await repo.putArticle(article('a1', 'Binary', 'Some text.'), binaryBytes());
        assert.deepEqual(await repo.getRaw('a1'), binaryBytes());
        assert.equal(await repo.getRaw('missing'), null);
      }));

    test('lists articles in the order they were stored', () =>
      withRepo(async (repo) => {
        for (const id of ['c3', 'a1', 'b2']) await repo.putArticle(article(id, id, `Text of ${id}.`), Buffer.from(id));
        assert.deepEqual((await repo.listArticles()).map((a) => a.id), ['c3', 'a1', 'b2']);
        assert.equal(await repo.countArticles(), 3);
      }));

    test('ranks title and repeated matches first, one hit per article, with bracketed snippets', () =>
      withRepo(async (repo) => {
        await repo.putArticle(article('long', 'Council meeting', LONG_TEXT), Buffer.from('x'));
        await repo.putArticle(article('drone', DRONE_TITLE, DRONE_TEXT), Buffer.from('x'));
        await repo.putArticle(article('hall', 'Square closed', HALL_TEXT), Buffer.from('x'));
        const hits = await repo.search('drones');
        assert.deepEqual(hits.map((h) => h.id), ['drone', 'long']);
        assert.ok(hits[0].score > hits[1].score, `scores ${hits[0].score} > ${hits[1].score}`);
        assert.match(hits[1].snippet, /\[drone\] seen above the market/);
        assert.deepEqual(
          { title: hits[0].title, outlet: hits[0].outlet, published: hits[0].published, source: hits[0].source },
          { title: DRONE_TITLE, outlet: 'Example Herald', published: '2024-05-02T09:30:00Z', source: 'fixture/drone.html' },
        );
        assert.deepEqual((await repo.search('drone harbour')).map((h) => h.id), ['drone']);
        assert.deepEqual((await repo.search('drone', 1)).map((h) => h.id), ['drone']);
        assert.deepEqual((await repo.search('drone', -1)).map((h) => h.id), ['drone']);
        assert.deepEqual(await repo.search('zeppelin'), []);
      }));

    test('searches quoted words as a phrase', () =>
      withRepo(async (repo) => {
        await repo.putArticle(article('hall', 'Square closed', HALL_TEXT), Buffer.from('x'));
        await repo.putArticle(article('reversed', 'Reopened', REVERSED_TEXT), Buffer.from('x'));
        assert.deepEqual((await repo.search('"city hall"')).map((h) => h.id), ['hall']);
        assert.deepEqual((await repo.search('city hall')).map((h) => h.id).sort(), ['hall', 'reversed']);
      }));

    test('turns hostile query text into a safe search instead of an error', () =>
      withRepo(async (repo) => {
        await repo.putArticle(article('hall', 'Square closed', HALL_TEXT), Buffer.from('x'));
        assert.deepEqual((await repo.search('square "City Hall')).map((h) => h.id), ['hall']);
        assert.deepEqual((await repo.search('(police square))')).map((h) => h.id), ['hall']);
        const hostile = ['AND OR (', '"', '""', '*', 'NEAR(police square)', 'title:police', '-police', "'; DROP TABLE articles; --", '\u0000', 'a"b"c"', '^police', 'police:*', '(((', 'police '.repeat(5000)];
        for (const q of hostile) assert.ok(Array.isArray(await repo.search(q)), q.slice(0, 30));
        assert.deepEqual(await repo.search(''), []);
        assert.deepEqual(await repo.search('  ()" '), []);
        assert.equal(await repo.countArticles(), 1);
      }));

    test('stores and searches a huge article of distinct made-up words', () =>
      withRepo(async (repo) => {
        const words = Array.from({ length: 300_000 }, (_, i) => `w${i.toString(36)}`);
        const text = `The needle sentence comes first. ${words.join(' ')}`;
        await repo.putArticle(article('huge', 'Huge', text), Buffer.from(text));
        const [hit] = await repo.search('needle');
        assert.equal(hit.id, 'huge');
        assert.match(hit.snippet, /\[needle\] sentence comes first/);
        assert.equal((await repo.getArticle('huge'))?.text.length, text.length);
      }));

    test('finds articles by id prefix, with no pattern characters', () =>
      withRepo(async (repo) => {
        for (const id of ['abc123', 'abc999', 'abd000', 'ab%x', 'ab_y']) await repo.putArticle(article(id, id, `Text ${id}.`), Buffer.from(id));
        assert.deepEqual((await repo.findByIdPrefix('abc')).map((a) => a.id), ['abc123', 'abc999']);
        assert.deepEqual((await repo.findByIdPrefix('abc1')).map((a) => a.id), ['abc123']);
        assert.deepEqual((await repo.findByIdPrefix('abd000')).map((a) => a.id), ['abd000']);
        assert.deepEqual((await repo.findByIdPrefix('ab%')).map((a) => a.id), ['ab%x']);
        assert.deepEqual((await repo.findByIdPrefix('ab_')).map((a) => a.id), ['ab_y']);
        assert.deepEqual(await repo.findByIdPrefix('zz'), []);
        assert.deepEqual(await repo.findByIdPrefix(''), []);
      }));

    test('round-trips annotations and replaces them on a second put', () =>
      withRepo(async (repo) => {
        const first = annotations('a1', [mention(HALL_TEXT, 'City Hall', 'FAC', 'Q1', 'City Hall'), mention(HALL_TEXT, 'Police', 'ORG')]);
        first.quantities = [{ start: 0, end: 3, text: 'one', min: 1, max: 1, approx: false, unit: null }];
        first.skipped = [{ layer: 'quotes', reason: 'none found' }];
        await repo.putArticle(article('a1', 'Square closed', HALL_TEXT), Buffer.from('x'), first);
        assert.deepEqual(await repo.getAnnotations('a1'), first);
        const second = annotations('a1', []);
        await repo.putAnnotations(second);
        assert.deepEqual(await repo.getAnnotations('a1'), second);
        assert.deepEqual(await repo.entities(), []);
        assert.equal(await repo.getAnnotations('missing'), null);
        await assert.rejects(repo.putAnnotations(annotations('missing', [])));
        await assert.rejects(repo.putArticle(article('a2', 't', 'x'), Buffer.from('x'), annotations('a1', [])), /annotations are for article a1, not a2/);
      }));

    test('aggregates linked entities over all articles: count, canonical name, type, aliases', () =>
      withRepo(async (repo) => {
        const t1 = 'Officials in Moscow said the Moskva embankment was closed; Moscow police stayed.';
        const t2 = 'Reporters in Moscow waited. The Islamic State group issued a statement, and IS fighters were named.';
        const a1 = annotations('a1', [
          mention(t1, 'Moscow', 'GPE', 'Q649', 'Moscow'),
          mention(t1, 'Moskva', 'GPE', 'Q649', 'Moscow'),
          { ...mention(t1, 'Moscow police', 'ORG', 'Q649', 'Moscow'), type: 'GPE', text: 'Moscow' },
          mention(t1, 'Officials', 'ORG'),
        ]);
        const a2 = annotations('a2', [
          mention(t2, 'Moscow', 'GPE', 'Q649', 'Moscow'),
          mention(t2, 'Islamic State', 'ORG', 'Q2429253', 'Islamic State'),
          mention(t2, 'IS', 'ORG', 'Q2429253', 'Islamic State'),
        ]);
        await repo.putArticle(article('a1', 'One', t1), Buffer.from('1'), a1);
        await repo.putArticle(article('a2', 'Two', t2), Buffer.from('2'));
        await repo.putAnnotations(a2);
        assert.deepEqual(await repo.entities(), [
          { id: 'Q649', name: 'Moscow', type: 'GPE', mentions: 4, aliases: ['Moscow', 'Moskva'] },
          { id: 'Q2429253', name: 'Islamic State', type: 'ORG', mentions: 2, aliases: ['IS', 'Islamic State'] },
        ]);
        await repo.putAnnotations(annotations('a1', []));
        assert.deepEqual((await repo.entities()).map((e) => [e.id, e.mentions]), [['Q2429253', 2], ['Q649', 1]]);
      }));

    test('replaces incidents and stories as a whole', () =>
      withRepo(async (repo) => {
        const stories: Story[] = [{ id: 's1', articles: [{ id: 'a1', title: 'One', source: 'x' }] }];
        await repo.replaceIncidents([incident('i1', 'bombing'), incident('i2', 'arrest')], stories);
        assert.deepEqual(await repo.incidents(), [incident('i1', 'bombing'), incident('i2', 'arrest')]);
        assert.deepEqual(await repo.stories(), stories);
        await repo.replaceIncidents([incident('i3', 'arson')], []);
        assert.deepEqual(await repo.incidents(), [incident('i3', 'arson')]);
        assert.deepEqual(await repo.stories(), []);
      }));

    test('stores digests with their article, replaces them, and pages through articles in stored order', () =>
      withRepo(async (repo) => {
        const digest = (name: string): ArticleDigest => ({ version: 1, mentions: [], entities: [{ text: name, id: `geo:${name}` }] });
        await repo.putArticle(article('c3', 'Third', 'Text of c3.'), Buffer.from('c3'), annotations('c3', []), digest('c'));
        await repo.putArticle(article('a1', null, 'Text of a1.', { published: null }), Buffer.from('a1'));
        await repo.putArticle(article('b2', 'Second', 'Text of b2.'), Buffer.from('b2'), undefined, digest('b'));
        // A second put of a stored article changes nothing, its digest included.
        await repo.putArticle(article('c3', 'Third', 'Text of c3.'), Buffer.from('c3'), undefined, digest('x'));
        const first = await repo.digests(0, 2);
        assert.deepEqual(first.rows, [
          { article: { id: 'c3', title: 'Third', text: 'Text of c3.', published: '2024-05-02T09:30:00Z', source: 'fixture/c3.html' }, digest: digest('c') },
          { article: { id: 'a1', title: null, text: 'Text of a1.', published: null, source: 'fixture/a1.html' }, digest: null },
        ]);
        await repo.putDigest('a1', digest('a'));
        const second = await repo.digests(first.next, 2);
        assert.deepEqual(second.rows.map((r) => [r.article.id, r.digest]), [['b2', digest('b')]]);
        assert.deepEqual(await repo.digests(second.next, 2), { rows: [], next: second.next });
        assert.deepEqual((await repo.digests(0, 10)).rows.map((r) => r.digest?.entities[0]?.text), ['c', 'a', 'b']);
        await assert.rejects(repo.putDigest('missing', digest('m')));
      }));

    test('a failing write leaves nothing half-written', () =>
      withRepo(async (repo) => {
        const bad = annotations('a1', [{ start: 10, end: 5, text: 'Hall', type: 'FAC', id: 'Q1' }]);
        await assert.rejects(repo.putArticle(article('a1', 'Square closed', HALL_TEXT), Buffer.from('raw'), bad));
        assert.equal(await repo.countArticles(), 0);
        assert.equal(await repo.getArticle('a1'), null);
        assert.equal(await repo.getRaw('a1'), null);
        assert.equal(await repo.getAnnotations('a1'), null);
        assert.deepEqual(await repo.search('square'), []);
        assert.deepEqual(await repo.putArticle(article('a1', 'Square closed', HALL_TEXT), Buffer.from('raw')), { id: 'a1', inserted: true });

        await repo.replaceIncidents([incident('i1', 'bombing')], []);
        const unserialisable = { ...incident('i2', 'arson'), weapons: [1n] } as unknown as Incident;
        await assert.rejects(repo.replaceIncidents([incident('i3', 'arrest'), unserialisable], []));
        assert.deepEqual(await repo.incidents(), [incident('i1', 'bombing')]);
      }));

    test('finds candidates by shared copy keys, most shared first, then most recent', () =>
      withRepo(async (repo) => {
        for (const id of ['a', 'b', 'c']) await repo.putArticle(article(id, id, `Text ${id}.`), Buffer.from(id));
        await repo.putSignature('a', ['0:x', '1:y', '2:z']);
        await repo.putSignature('b', ['0:x', '5:q']);
        await repo.putSignature('c', ['7:r']);
        assert.deepEqual(await repo.findBySignature(['0:x', '1:y']), ['a', 'b']);
        assert.deepEqual(await repo.findBySignature(['0:x', '5:q']), ['b', 'a']);
        assert.deepEqual(await repo.findBySignature(['0:x', '1:y'], 2), ['a']);
        assert.deepEqual(await repo.findBySignature([]), []);
        await repo.putSignature('a', ['9:w']);
        assert.deepEqual(await repo.findBySignature(['1:y', '9:w']), ['a']);
        assert.deepEqual(await repo.findBySignature(['1:y']), []);
        // Capped to each key's newest posting, 'b' (stored before 'c') is not found through the key they share.
        await repo.putSignature('c', ['0:x', '7:r']);
        assert.deepEqual(await repo.findBySignature(['0:x', '9:w'], 1, 1), ['c', 'a']);
        assert.deepEqual(await repo.findBySignature(['0:x', '7:r'], 1, 1), ['c']);
        assert.deepEqual(await repo.findBySignature(['0:x'], 1, 2), ['c', 'b']);
        assert.deepEqual(await repo.findBySignature(['0:x', '7:r', '9:w'], 1, undefined, 2), ['c', 'b']);
      }));

    test('keeps named settings, replacing a value set again', () =>
      withRepo(async (repo) => {
        assert.equal(await repo.getSetting('copy-keys'), null);
        await repo.putSetting('copy-keys', 'winnow:5:15');
        await repo.putSetting('other', 'x');
        await repo.putSetting('copy-keys', 'winnow:5:16');
        assert.equal(await repo.getSetting('copy-keys'), 'winnow:5:16');
        assert.equal(await repo.getSetting('other'), 'x');
      }));

    test('stores copy links once per pair and lists them for either side', () =>
      withRepo(async (repo) => {
        for (const id of ['a', 'b', 'c']) await repo.putArticle(article(id, id, `Text ${id}.`), Buffer.from(id));
        await repo.putCopyLink({ articleId: 'b', ofArticleId: 'a', share: 0.5, kind: 'partial-copy' });
        await repo.putCopyLink({ articleId: 'c', ofArticleId: 'b', share: 0.95, kind: 'near-duplicate' });
        await repo.putCopyLink({ articleId: 'b', ofArticleId: 'a', share: 0.92, kind: 'near-duplicate' });
        assert.deepEqual(await repo.copyLinks(), [
          { articleId: 'b', ofArticleId: 'a', share: 0.92, kind: 'near-duplicate' },
          { articleId: 'c', ofArticleId: 'b', share: 0.95, kind: 'near-duplicate' },
        ]);
        assert.deepEqual((await repo.copyLinks('a')).map((l) => l.articleId), ['b']);
        assert.equal((await repo.copyLinks('b')).length, 2);
        await assert.rejects(repo.putCopyLink({ articleId: 'b', ofArticleId: 'missing', share: 1, kind: 'duplicate' }));
      }));
  });
}
