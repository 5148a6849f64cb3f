// The annotation layer on the five seed articles (read from ../shared at test time; skipped when absent).
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { getEntity } from '../../src/knowledge/index.js';
import { annotate } from '../../src/nlp/index.js';
import type { Annotations, Article } from '../../src/types.js';
import { seedsDir } from '../helpers.js';

const skip = seedsDir ? false : 'seed articles not found (../shared/corpus/seeds is absent)';

function loadSeeds(): Array<{ article: Article; annotations: Annotations }> {
  const files = readdirSync(seedsDir!).filter((f) => f.endsWith('.txt')).sort();
  return files.map((file) => {
    const text = readFileSync(join(seedsDir!, file), 'utf8').normalize('NFKC').replace(/\r\n?/g, '\n');
    const article: Article = { id: file, source: file, url: null, title: null, text, published: '2024-03-23', publishedFrom: 'inferred', outlet: null, byline: null, language: 'en', fetchedAt: null, offsets: { runs: [] } };
    return { article, annotations: annotate(article) };
  });
}

test('seed articles', { skip }, async (t) => {
  const seeds = loadSeeds();
  const all = seeds.flatMap((s) => s.annotations.entities);

  await t.test('every span indexes its article exactly', () => {
    for (const { article, annotations: a } of seeds) {
      for (const layer of [a.entities, a.dates, a.quantities, a.quotes]) {
        for (const x of layer) assert.equal(article.text.slice(x.start, x.end), x.text, article.id);
      }
    }
  });

  await t.test('named experts are people and their quotes are attributed to them', () => {
    const quoted = new Set(seeds.flatMap((s) => s.annotations.quotes.map((q) => q.speaker?.name)));
    for (const name of ['Bruce Hoffman', 'Avril Haines', 'Colin P. Clarke', 'Michael E. Kurilla', 'Bill Roggio']) {
      assert.ok(all.some((e) => e.type === 'PERSON' && e.name === name), `${name} is a PERSON`);
      assert.ok(quoted.has(name), `a quote is attributed to ${name}`);
    }
    const kurilla = all.find((e) => e.name === 'Michael E. Kurilla' && e.role);
    assert.match(kurilla?.role ?? '', /^Gen\./);
  });

  await t.test('spelling variants of one name share one person id across articles', () => {
    const variants = all.filter((e) => e.type === 'PERSON' && /^Qa\w+ S[ou]\w*mani$/.test(e.text));
    assert.ok(new Set(variants.map((e) => e.text)).size >= 2, 'at least two spellings are found as people');
    assert.equal(new Set(variants.map((e) => e.id)).size, 1);
  });

  await t.test('ISIS-K variants link to one entity', () => {
    const variants = all.filter((e) => /^(?:ISIS-K|ISIL-K|ISIS-Khorasan|Islamic State Khorasan)$/.test(e.text));
    assert.ok(new Set(variants.map((e) => e.text)).size >= 3);
    assert.equal(new Set(variants.map((e) => e.id)).size, 1);
    assert.ok(variants.every((e) => e.type === 'ORG'));
  });

  await t.test('Krasnogorsk is a place in Russia', () => {
    const place = all.find((e) => e.text === 'Krasnogorsk');
    assert.equal(place?.type, 'GPE');
    assert.equal(getEntity(place!.id!)?.country, 'RU');
  });

  await t.test('figures and dates from the coverage', () => {
    const figures = seeds.flatMap((s) => s.annotations.quantities);
    assert.ok(figures.some((q) => q.min === 139 && q.max === null && q.unit === 'people'), 'at least 139 people');
    assert.ok(figures.some((q) => q.min === 11 && q.max === 11), 'eleven detained');
    const dates = seeds.flatMap((s) => s.annotations.dates);
    assert.ok(dates.some((d) => d.value === '2024-03-22' && d.precision === 'day'), 'the day of the attack');
  });

  await t.test('throughput (reported, not asserted: the machine is shared)', () => {
    const articles = seeds.map((s) => s.article);
    const words = articles.reduce((n, a) => n + (a.text.match(/\S+/g)?.length ?? 0), 0);
    // Wall time of the fastest of several rounds: process CPU time would also count the GC's helper threads.
    let best = Infinity;
    for (let round = 0; round < 7; round++) {
      const began = performance.now();
      for (const a of articles) annotate(a);
      best = Math.min(best, performance.now() - began);
    }
    t.diagnostic(`annotate: ${Math.round(words / (best / 1000))} words/s (${words} words, fastest of 7 rounds)`);
  });
});
