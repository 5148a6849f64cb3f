import assert from 'node:assert/strict';
import { test } from 'node:test';
import { bylineFromLine } from '../../src/extract/byline.js';
import { articleId } from '../../src/extract/id.js';
import { detectLanguage } from '../../src/extract/language.js';
import { hostName, knownOutletForUrl, outletFromLine } from '../../src/extract/outlet.js';

test('bylines: "By …", "Written by …", "Name | Role"; prose is not a byline', () => {
  assert.equal(bylineFromLine('By Jane Doe'), 'Jane Doe');
  assert.equal(bylineFromLine('by Harbour Gazette Staff'), 'Harbour Gazette Staff');
  assert.equal(bylineFromLine('By Jane Doe and Omar al Rashid, Reuters'), 'Jane Doe and Omar al Rashid');
  assert.equal(bylineFromLine('Written by Jean-Paul Martin'), 'Jean-Paul Martin');
  assert.equal(bylineFromLine('Ana Lima | Senior Correspondent'), 'Ana Lima');
  assert.equal(bylineFromLine('By the end of the day, police had cleared the square.'), null);
  assert.equal(bylineFromLine('by 2025 the plan should be complete'), null);
});

test('outlets from site furniture', () => {
  assert.equal(outletFromLine('Harbour Gazette brings you the latest news from the coast.'), 'Harbour Gazette');
  assert.equal(outletFromLine('Join Coastline News to access this content'), 'Coastline News');
  assert.equal(outletFromLine('\u00A9 2024 The Evening Ledger. All rights reserved.'), 'The Evening Ledger');
  assert.equal(outletFromLine('Sign up to the Morning Bell newsletter'), 'Morning Bell');
  assert.equal(outletFromLine('Click here to get the River Times app'), 'River Times');
  assert.equal(outletFromLine('The minister said the report brings you nothing new.'), null);
});

test('outlets from known hosts, including subdomains; the bare host otherwise', () => {
  assert.equal(knownOutletForUrl('https://www.theguardian.com/world/2024/mar/23/story'), 'The Guardian');
  assert.equal(knownOutletForUrl('https://edition.cnn.com/2024/03/22/europe/x'), 'CNN');
  assert.equal(knownOutletForUrl('https://unknown-paper.example/story'), null);
  assert.equal(hostName('https://www.unknown-paper.example/story'), 'unknown-paper.example');
  assert.equal(hostName('not a url'), null);
});

test('language: English, Russian and Spanish text; null when too short', () => {
  assert.equal(detectLanguage('The ferry terminal will stay closed until Friday while investigators examine the damaged hall.'), 'en');
  assert.equal(detectLanguage('Терминал будет закрыт до пятницы, пока следователи осматривают поврежденный зал ожидания.'), 'ru');
  assert.equal(detectLanguage('La terminal permanecerá cerrada hasta el viernes mientras los investigadores examinan la sala.'), 'es');
  assert.equal(detectLanguage('Too short.'), null);
});

test('language: the English word test leaves other Latin-script languages to trigram detection', () => {
  const reports: Record<string, string> = {
    fr: "Le gouvernement a annoncé mardi que les enquêteurs avaient arrêté trois suspects après l'attaque contre la salle de concert.",
    de: 'Die Polizei hat am Dienstag drei Verdächtige festgenommen, nachdem bei dem Angriff auf die Konzerthalle mehrere Menschen getötet wurden.',
    nl: 'De politie heeft dinsdag drie verdachten aangehouden nadat bij de aanval op de concertzaal meerdere mensen waren gedood.',
    pl: 'Policja zatrzymała we wtorek trzech podejrzanych po ataku na salę koncertową, w którym zginęło kilka osób. To był najgorszy atak od lat.',
  };
  for (const [code, text] of Object.entries(reports)) assert.equal(detectLanguage(text), code, code);
  // English with few closed-class words (a headline list) still gets its trigram verdict.
  assert.equal(detectLanguage('Gunmen storm concert hall near Moscow. Dozens dead, scores wounded. Building ablaze. Suspects detained.'), 'en');
});

test('article ids are stable over case and whitespace and differ for different content', () => {
  const id = articleId('Police closed the road.\n\nIt reopened at noon.');
  assert.match(id, /^[0-9a-f]{16}$/);
  assert.equal(articleId('  police CLOSED the road. It   reopened at noon. '), id);
  assert.notEqual(articleId('Police closed the road. It reopened at one.'), id);
});
