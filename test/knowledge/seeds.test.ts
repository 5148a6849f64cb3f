import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { linkName, matchKnown } from '../../src/knowledge/index.js';
import { seedsDir } from '../helpers.js';

describe('knowledge matching on the seed articles', { skip: seedsDir === null ? 'shared/corpus/seeds is absent' : false }, () => {
  const texts = seedsDir === null ? [] : readdirSync(seedsDir).sort().map((f) => readFileSync(join(seedsDir!, f), 'utf8'));

  it('finds the actors and places of the Crocus City Hall attack', () => {
    const found = new Set(texts.flatMap((t) => matchKnown(t).map((m) => m.entity.id)));
    for (const id of ['sitrep:fac/crocus-city-hall', 'sitrep:org/iskp', 'Q2429253', 'sitrep:org/fsb', 'geo:542374', 'geo:524901', 'iso:RU', 'sitrep:nationality/TJ']) {
      assert.ok(found.has(id), `no mention of ${id} found in the seeds`);
    }
  });

  it('puts every place it finds on the map, world regions and venues included', () => {
    const places = texts.flatMap((t) => matchKnown(t)).filter((m) => ['GPE', 'LOC', 'FAC'].includes(m.entity.type));
    const ids = new Set(places.map((m) => m.entity.id));
    for (const id of ['Q46', 'Q27275', 'Q11708', 'sitrep:loc/north-caucasus', 'sitrep:fac/hamid-karzai-airport', 'sitrep:fac/cologne-cathedral']) {
      assert.ok(ids.has(id), `no mention of ${id} found in the seeds`);
    }
    for (const m of places) assert.ok(m.entity.lat !== undefined && m.entity.lon !== undefined, `"${m.text}" (${m.entity.id}) has no point`);
  });

  it('returns spans that address the text, and that linkName resolves the same way', () => {
    for (const text of texts) {
      let previousEnd = 0;
      for (const m of matchKnown(text)) {
        assert.equal(text.slice(m.start, m.end), m.text);
        assert.ok(m.start >= previousEnd, `overlap at ${m.start}`);
        previousEnd = m.end;
        assert.equal(linkName(m.text, m.entity.type)?.id, m.entity.id, `"${m.text}"`);
      }
    }
  });
});
