import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cleanPastedText } from '../../src/extract/pasted.js';

// A made-up news page as someone would copy it out of a browser: one paragraph per line, with the site's
// furniture around and inside the story.
const PAGE = [
  'Skip to content',
  'Home WORLD NEWS Ferry Port Blast Injures Dozens',
  'Ferry Port Blast Injures Dozens',
  'By Jane Doe | Security Reporter',
  'Share this article',
  '',
  'An explosion tore through the ticket hall of the Northgate ferry terminal on Tuesday morning, injuring at least 34 people, the harbour police said.',
  'Firefighters walk past the damaged ticket hall (Photo: Harbour Police/Handout)',
  'Officials said a gas canister left in a luggage trolley appeared to be the cause, but did not rule out other explanations.',
  'Advertisement',
  '\u201CWe are treating this as a criminal matter until we know otherwise,\u201D said Chief Inspector Ada Kerr.',
  'What happened at the terminal?',
  'Witnesses described a loud bang followed by smoke filling the hall within seconds.',
  'See also: Port strike ends after three weeks',
  'Mayor cuts ribbon at new lighthouse museumThe restored tower opens to visitors this weekend.',
  'Read more \u00BB',
  'The terminal will stay closed until Friday while investigators examine the site.',
  'Jane Doe is a security reporter at the Harbour Gazette covering crime and emergencies.',
  'Follow us on social media',
  'Twitter: @harbourgazette',
  'We use cookies to improve your experience. Accept all cookies',
  '-----------',
  'Read also: Ferry operator posts record profits',
  'The company said passenger numbers rose sharply over the summer months.',
  '-----------',
  'Related Posts',
  'Win Big With Our Casino Bonus Code Today',
  'Claiming your welcome bonus is a simple process that anyone can follow...',
  'Leave a Comment',
  '\u00A9 2025 The Harbour Gazette. All rights reserved.',
].join('\n');

test('keeps exactly the article paragraphs of a pasted page and drops its furniture', () => {
  const result = cleanPastedText(PAGE);
  assert.deepEqual(result.paragraphs, [
    'An explosion tore through the ticket hall of the Northgate ferry terminal on Tuesday morning, injuring at least 34 people, the harbour police said.',
    'Officials said a gas canister left in a luggage trolley appeared to be the cause, but did not rule out other explanations.',
    '\u201CWe are treating this as a criminal matter until we know otherwise,\u201D said Chief Inspector Ada Kerr.',
    'Witnesses described a loud bang followed by smoke filling the hall within seconds.',
    'The terminal will stay closed until Friday while investigators examine the site.',
  ]);
});

test('reads the headline, byline and outlet from the furniture', () => {
  const result = cleanPastedText(PAGE);
  assert.equal(result.title, 'Ferry Port Blast Injures Dozens');
  assert.equal(result.byline, 'Jane Doe');
  assert.equal(result.outlet, 'The Harbour Gazette');
});

test('keeps the header lines and the captions for dating the article', () => {
  const { metaLines } = cleanPastedText(PAGE);
  assert.deepEqual(metaLines, [
    'Skip to content',
    'Home WORLD NEWS Ferry Port Blast Injures Dozens',
    'Ferry Port Blast Injures Dozens',
    'Share this article',
    'Firefighters walk past the damaged ticket hall (Photo: Harbour Police/Handout)',
  ]);
});

test('a first line that is a sentence is not taken for a headline', () => {
  const result = cleanPastedText('Rescue teams worked through the night to reach the stranded hikers.\nAll six were found alive.');
  assert.equal(result.title, null);
  assert.deepEqual(result.paragraphs, [
    'Rescue teams worked through the night to reach the stranded hikers.',
    'All six were found alive.',
  ]);
});

test('hard-wrapped plain text is joined back into paragraphs', () => {
  const text = [
    'The council voted on Monday to close the old bridge to heavy',
    'traffic after engineers found cracks in two of its supporting',
    'piers during a routine inspection.',
    '',
    'A temporary crossing will open next month.',
  ].join('\n');
  assert.deepEqual(cleanPastedText(text).paragraphs, [
    'The council voted on Monday to close the old bridge to heavy traffic after engineers found cracks in two of its supporting piers during a routine inspection.',
    'A temporary crossing will open next month.',
  ]);
});

test('an end-of-article marker before any article text does not swallow the article', () => {
  const text = 'Related Posts\nThe storm brought down power lines across three districts overnight.';
  assert.deepEqual(cleanPastedText(text).paragraphs, ['The storm brought down power lines across three districts overnight.']);
});

test('an author bio written in the first person is dropped', () => {
  const text = 'Police closed the road for six hours.\nI am a passionate news writer with ten years of experience in digital media.';
  assert.deepEqual(cleanPastedText(text).paragraphs, ['Police closed the road for six hours.']);
});

test('text with nothing but furniture leaves no paragraphs', () => {
  assert.deepEqual(cleanPastedText('Menu\nShare\nAdvertisement\nSubscribe to our newsletter\n').paragraphs, []);
});

test('a huge single line is handled in linear time', () => {
  const line = 'word '.repeat(400_000) + 'end.';
  const began = performance.now();
  const result = cleanPastedText(line);
  assert.equal(result.paragraphs.length, 1);
  assert.ok(performance.now() - began < 5000, 'took too long');
});

test('a headline may be a question; a lone question inside the article is a subheading and goes', () => {
  const text = 'Who Is Behind The Harbour Blasts?\nPolice have made no arrests so far.\nWhat do we know?\nTwo devices were used.';
  const result = cleanPastedText(text);
  assert.equal(result.title, 'Who Is Behind The Harbour Blasts?');
  assert.deepEqual(result.paragraphs, ['Police have made no arrests so far.', 'Two devices were used.']);
});

test('wire copy: wrapped lines ending in an initialism are joined; editorial notes and list colons end paragraphs', () => {
  const text = [
    'PORTO NOVO, 8 JUL 23 (WIRE) -- A FIRE BROKE OUT AT A DEPOT USED BY U.S.',
    'CONTRACTORS EARLY TODAY, THE HARBOUR POLICE SAID.',
    '',
    '[BEGIN RECORDING] THE BLAZE IS UNDER CONTROL AND NOBODY WAS HURT, THE',
    'CHIEF SAID. [END RECORDING]',
    '',
    'THE STATEMENT RELEASED BY THE OPERATOR AFTER THE FIRE READ AS FOLLOWS:',
  ].join('\n');
  assert.deepEqual(cleanPastedText(text).paragraphs, [
    'PORTO NOVO, 8 JUL 23 (WIRE) -- A FIRE BROKE OUT AT A DEPOT USED BY U.S. CONTRACTORS EARLY TODAY, THE HARBOUR POLICE SAID.',
    '[BEGIN RECORDING] THE BLAZE IS UNDER CONTROL AND NOBODY WAS HURT, THE CHIEF SAID. [END RECORDING]',
    'THE STATEMENT RELEASED BY THE OPERATOR AFTER THE FIRE READ AS FOLLOWS:',
  ]);
});
