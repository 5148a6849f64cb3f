import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { matchKnown, type KnownMatch } from '../../src/knowledge/index.js';
import { caseMatches } from '../../src/knowledge/rules.js';

function spans(matches: KnownMatch[]): Array<[string, string]> {
  return matches.map((m) => [m.text, m.entity.id]);
}

describe('matchKnown', () => {
  it('finds known names with exact offsets', () => {
    const text = 'Officials in Kabul said ISIS-K, not the Taliban, sent the gunmen; Amaq published a photo the FSB called fake.';
    const matches = matchKnown(text);
    assert.deepEqual(spans(matches), [
      ['Kabul', 'geo:1138958'],
      ['ISIS-K', 'sitrep:org/iskp'],
      ['Taliban', 'sitrep:org/taliban'],
      ['Amaq', 'sitrep:org/amaq'],
      ['FSB', 'sitrep:org/fsb'],
    ]);
    for (const m of matches) assert.equal(text.slice(m.start, m.end), m.text);
    assert.equal(matches[1]?.start, 24);
    assert.equal(matches[1]?.end, 30);
  });

  it('tells the group IS from the verb is', () => {
    const text = 'This is what IS wants, and it is not over. Is it IS? THIS IS IT.';
    const found = matchKnown(text).filter((m) => m.entity.id === 'Q2429253');
    assert.deepEqual(
      found.map((m) => m.start),
      [13, 49, 58],
    );
  });

  it('matches long names whatever their case, short ones only as written', () => {
    assert.deepEqual(spans(matchKnown('islamic state fighters')), [['islamic state', 'Q2429253']]);
    assert.deepEqual(spans(matchKnown('reporters from ap and afp')), []);
    assert.deepEqual(spans(matchKnown('reporters from AP and AFP')), [['AP', 'Q40469'], ['AFP', 'Q40464']]);
    assert.deepEqual(spans(matchKnown('at the start of ACLED data')), [['ACLED', 'sitrep:org/acled']], 'acronyms need capitals');
    assert.deepEqual(spans(matchKnown('a start for START')), [['START', 'sitrep:org/start']]);
  });

  it('prefers the longest match at the leftmost start and never overlaps', () => {
    const text = 'Islamic State Khorasan Province claimed it; the Islamic State group agreed.';
    assert.deepEqual(spans(matchKnown(text)), [
      ['Islamic State Khorasan Province', 'sitrep:org/iskp'],
      ['Islamic State group', 'Q2429253'],
    ]);
  });

  it('only matches whole words', () => {
    assert.deepEqual(spans(matchKnown('ISIS-linked cells, CRISIS talks, FSBs, Amaqs')), [['ISIS', 'Q2429253']]);
  });

  it('accepts spaces, dashes and line breaks inside names', () => {
    const text = 'Islamic  State –\nKhorasan Province';
    const [m] = matchKnown(text);
    assert.equal(m?.entity.id, 'sitrep:org/iskp');
    assert.equal(m?.start, 0);
    assert.equal(m?.end, text.length);
  });

  it('finds countries, nationalities and places, with capitals only', () => {
    const text = 'Four Tajik men were held in Russia; MOSCOW and Krasnogorsk mourned. The turkey was served in Turkey.';
    assert.deepEqual(spans(matchKnown(text)), [
      ['Tajik', 'sitrep:nationality/TJ'],
      ['Russia', 'iso:RU'],
      ['MOSCOW', 'geo:524901'],
      ['Krasnogorsk', 'geo:542374'],
      ['Turkey', 'iso:TR'],
    ]);
  });

  it('does not take common words for places', () => {
    assert.deepEqual(spans(matchKnown('Reading the Central report in March, Police said.')), []);
  });

  it('survives hostile input', () => {
    assert.deepEqual(matchKnown(''), []);
    const junk = '\u0000\uFFFF\uD800\uDC00 \uD800 IS\uDFFF '.repeat(1000);
    assert.equal(matchKnown(junk).length, 1000);
    const long = 'The FSB said so. '.repeat(20000);
    const matches = matchKnown(long);
    assert.equal(matches.length, 20000);
    assert.equal(matches[19999]?.start, 17 * 19999 + 4);
  });
});

describe('caseMatches', () => {
  it('compares the capitalisation of letters only, in step, beyond ASCII too; capitals match from five letters', () => {
    const pairs: Array<[string, string]> = [
      ['IS', 'IS'],
      ['Is', 'IS'],
      ['al-Shabaab', 'Al Shabaab'],
      ['al-Shabaab', 'al Shabaab'],
      ['ŁÓDŹ', 'Łódź'],
      ['KRAKÓW', 'Kraków'],
      ['Łódź', 'Łódź'],
      ['łódź', 'Łódź'],
      ['HAMA', 'Hama'],
      ['KHOST', 'Khost'],
      ['IS-K', 'ISK'],
      ['ISIS', 'ISIS-K'],
      ['𝐀bc', 'Abc'],
    ];
    assert.deepEqual(
      pairs.map(([span, alias]) => caseMatches(span, alias)),
      [true, false, false, true, false, true, true, false, false, true, true, false, false],
    );
  });
});
