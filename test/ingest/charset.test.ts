import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import iconv from 'iconv-lite';
import { decodeBytes, declaredInDocument, normalizeCharset } from '../../src/ingest/charset.js';
import { guessLegacyCharset } from '../../src/ingest/charset-guess.js';

// Sentences written for these tests.
const russian = 'Вчера вечером в центре города прошёл митинг. Полиция задержала несколько человек, сообщает агентство.';
const french = 'Le préfet a déclaré que la situation était sous contrôle à Lyon, où deux écoles sont fermées.';
const german = 'Die Behörden in Köln haben am Dienstag eine Straße gesperrt.';

describe('charset: byte-order marks', () => {
  it('decodes UTF-8, UTF-16LE and UTF-16BE by their BOM and drops the mark', () => {
    assert.deepEqual(decodeBytes(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(russian)]), null), { text: russian, charset: 'utf-8' });
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(russian, 'utf-16le')]);
    assert.deepEqual(decodeBytes(le, null), { text: russian, charset: 'utf-16le' });
    const be = Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(french, 'utf-16be')]);
    assert.deepEqual(decodeBytes(be, null), { text: french, charset: 'utf-16be' });
  });

  it('lets a BOM win over a wrong transport charset', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(french, 'utf-16le')]);
    assert.deepEqual(decodeBytes(le, 'iso-8859-1'), { text: french, charset: 'utf-16le' });
  });
});

describe('charset: declarations', () => {
  it('follows the transport charset', () => {
    assert.deepEqual(decodeBytes(iconv.encode(russian, 'koi8-r'), 'KOI8-R'), { text: russian, charset: 'koi8-r' });
    assert.deepEqual(decodeBytes(iconv.encode(french, 'latin1'), '"ISO-8859-1"'), { text: french, charset: 'windows-1252' });
  });

  it('follows <meta charset>, <meta http-equiv> and the XML declaration', () => {
    const meta = `<html><head><meta charset="windows-1251"></head><body><p>${russian}</p></body></html>`;
    assert.equal(decodeBytes(iconv.encode(meta, 'windows-1251'), null).text, meta);
    const equiv = `<html><head><meta http-equiv="Content-Type" content="text/html; charset=koi8-r"></head><body>${russian}</body></html>`;
    assert.deepEqual(decodeBytes(iconv.encode(equiv, 'koi8-r'), null), { text: equiv, charset: 'koi8-r' });
    const xml = `<?xml version="1.0" encoding="ISO-8859-1"?><rss><channel><title>${french}</title></channel></rss>`;
    assert.deepEqual(decodeBytes(iconv.encode(xml, 'latin1'), null), { text: xml, charset: 'windows-1252' });
    assert.equal(declaredInDocument(Buffer.from('<meta name="x" content="y"><meta charset=\'utf-8\'>')), 'utf-8');
  });

  it('overrules a declaration the bytes contradict', () => {
    // Declared UTF-8, but the bytes are windows-1251: not valid UTF-8, so the code page is guessed.
    assert.deepEqual(decodeBytes(iconv.encode(russian, 'windows-1251'), 'utf-8'), { text: russian, charset: 'windows-1251' });
    // Declared latin1, but the bytes are valid multi-byte UTF-8 (a common server default).
    assert.deepEqual(decodeBytes(Buffer.from(french), 'iso-8859-1'), { text: french, charset: 'utf-8' });
  });

  it('maps labels to decoder names and rejects unknown ones', () => {
    assert.equal(normalizeCharset('CP1251'), 'windows-1251');
    assert.equal(normalizeCharset('latin1'), 'windows-1252');
    assert.equal(normalizeCharset('no-such-charset'), null);
  });
});

describe('charset: guessing undeclared single-byte text', () => {
  it('tells windows-1251, KOI8-R and windows-1252 apart', () => {
    assert.deepEqual(decodeBytes(iconv.encode(russian, 'windows-1251'), null), { text: russian, charset: 'windows-1251' });
    assert.deepEqual(decodeBytes(iconv.encode(russian, 'koi8-r'), null), { text: russian, charset: 'koi8-r' });
    assert.deepEqual(decodeBytes(iconv.encode(french, 'latin1'), null), { text: french, charset: 'windows-1252' });
    assert.deepEqual(decodeBytes(iconv.encode(german, 'windows-1252'), null), { text: german, charset: 'windows-1252' });
  });

  it('guesses right on short Russian text mixed with Latin words and digits', () => {
    const mixed = 'В Москве 22 марта (AFP) задержаны 11 человек';
    assert.equal(guessLegacyCharset(iconv.encode(mixed, 'windows-1251')), 'windows-1251');
    assert.equal(guessLegacyCharset(iconv.encode(mixed, 'koi8-r')), 'koi8-r');
  });

  it('guesses every 20-character window of a Russian paragraph and of accented Latin text', () => {
    const paragraph = `${russian} Представитель мэрии заявил, что акция не была согласована. Позже задержанных отпустили.`;
    const latin = `${french} ${german} El ministro señaló que la investigación continúa.`;
    const windows = (text: string): string[] => Array.from({ length: text.length - 19 }, (_, i) => text.slice(i, i + 20));
    const wrong = [
      ...windows(paragraph).flatMap((w) => [
        guessLegacyCharset(iconv.encode(w, 'windows-1251')) === 'windows-1251' ? [] : [`cp1251: ${w}`],
        guessLegacyCharset(iconv.encode(w, 'koi8-r')) === 'koi8-r' ? [] : [`koi8-r: ${w}`],
      ]).flat(),
      ...windows(latin).filter((w) => /[^\x00-\x7f]/.test(w) && guessLegacyCharset(iconv.encode(w, 'windows-1252')) !== 'windows-1252'),
    ];
    assert.deepEqual(wrong, []);
  });

  it('treats plain ASCII as UTF-8', () => {
    assert.deepEqual(decodeBytes(Buffer.from('Plain words only.'), null), { text: 'Plain words only.', charset: 'utf-8' });
  });
});

describe('charset: UTF-16 without a byte-order mark', () => {
  it('recognises UTF-16LE and UTF-16BE by where the zero bytes fall', () => {
    assert.deepEqual(decodeBytes(iconv.encode(russian, 'utf-16le'), null), { text: russian, charset: 'utf-16le' });
    assert.deepEqual(decodeBytes(iconv.encode(french, 'utf-16be'), null), { text: french, charset: 'utf-16be' });
  });

  it('does not take binary data with zeros on both sides for UTF-16', () => {
    const binary = Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0x3e, 0]);
    assert.throws(() => decodeBytes(binary, null), { message: 'binary content (NUL bytes)' });
  });
});

describe('charset: binary content', () => {
  it('refuses NUL bytes in 8-bit text but not in UTF-16', () => {
    assert.throws(() => decodeBytes(Buffer.from([0x41, 0x00, 0x42]), null), { message: 'binary content (NUL bytes)' });
    assert.equal(decodeBytes(iconv.encode('AB', 'utf-16le'), 'utf-16le').text, 'AB');
  });

  it('refuses UTF-16 whose decoded text holds NUL characters', () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.alloc(8)]);
    assert.throws(() => decodeBytes(bytes, null), { message: 'binary content (NUL bytes)' });
  });
});
