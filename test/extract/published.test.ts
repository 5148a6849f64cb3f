import assert from 'node:assert/strict';
import { test } from 'node:test';
import { inferPublished } from '../../src/extract/published.js';

test('a metadata date wins and is returned as ISO 8601', () => {
  assert.deepEqual(inferPublished('Yesterday, on March 3, 2021, it rained.', { metadata: '2024-03-23T08:15:00Z' }), {
    published: '2024-03-23T08:15:00.000Z',
    publishedFrom: 'metadata',
  });
});

test('a date in the URL path is used when there is no metadata', () => {
  assert.deepEqual(inferPublished('Nothing dated here.', { url: 'https://example.org/news/2024/03/23/blast-story' }), {
    published: '2024-03-23',
    publishedFrom: 'url',
  });
});

test('a dateline opening the text is the publication date', () => {
  const text = 'LISBON, May 14, 2023 (Wire) \u2014 Two men were detained at the airport on Sunday.';
  assert.deepEqual(inferPublished(text), { published: '2023-05-14', publishedFrom: 'text' });
});

test('a "Published" label among the header lines is the publication date', () => {
  const hints = { context: ['Harbour blast', 'Published 9 October 2022, 10:40'] };
  assert.deepEqual(inferPublished('The harbour reopened on 1 October 2022 after repairs.', hints), {
    published: '2022-10-09',
    publishedFrom: 'text',
  });
});

test('"yesterday" after an explicit event date means the day after it', () => {
  const text = 'Yesterday\u2019s attack on the depot killed four guards. The depot was hit on 11 August 2023.';
  assert.deepEqual(inferPublished(text), { published: '2023-08-12', publishedFrom: 'inferred' });
});

test('a weekday naming the event date means at least the day after it', () => {
  const text = 'Police said Friday\u2019s shooting, which happened on Friday, 5 January 2024, left two dead.';
  assert.deepEqual(inferPublished(text), { published: '2024-01-06', publishedFrom: 'inferred' });
});

test('a weekday the dates do not explain is the next such day after the latest date', () => {
  const text =
    'The bombing on Friday, 5 January 2024 was claimed on Sunday, 7 January 2024. Officials said on Tuesday that three suspects were held.';
  assert.deepEqual(inferPublished(text), { published: '2024-01-09', publishedFrom: 'inferred' });
});

test('"last week" after an explicit event date means a week after it', () => {
  const text = 'On 2 June 2022 a car bomb exploded. Officials have since linked last week\u2019s blast to a local cell.';
  assert.deepEqual(inferPublished(text), { published: '2022-06-09', publishedFrom: 'inferred' });
});

test('a year-less date takes its year from the same day written in full elsewhere', () => {
  const text = 'The siege began on 4 April 2021. Yesterday\u2019s talks were the first since April 4.';
  assert.deepEqual(inferPublished(text), { published: '2021-04-05', publishedFrom: 'inferred' });
});

test('a year-less date takes its year from the fetch time, never later than it', () => {
  const text = 'Yesterday\u2019s raid followed the December 30 arrests.';
  assert.deepEqual(inferPublished(text, { fetchedAt: '2025-01-02T09:00:00Z' }), {
    published: '2024-12-31',
    publishedFrom: 'inferred',
  });
});

test('no year anywhere, or no relative reference, gives no date rather than a guess', () => {
  assert.deepEqual(inferPublished('Yesterday\u2019s attack followed the March 22 warning.'), { published: null, publishedFrom: null });
  assert.deepEqual(inferPublished('The plant closed on 3 March 2020 and never reopened.'), { published: null, publishedFrom: null });
  assert.deepEqual(inferPublished('Two weeks before the vote, officials warned of unrest.'), { published: null, publishedFrom: null });
});

test('a wire dateline with a two-digit year', () => {
  const text = 'PORTO NOVO, 8 JUL 23 (WIRE) -- A fire broke out at a fuel depot early today.';
  assert.deepEqual(inferPublished(text), { published: '2023-07-08', publishedFrom: 'text' });
});

test('a date after the fetch time is an announced event and does not anchor the inference', () => {
  const text = 'Yesterday\u2019s raid followed the search of 12 March 2024. The trial opens on 20 March 2024.';
  assert.deepEqual(inferPublished(text, { fetchedAt: '2024-03-14T10:00:00Z' }), { published: '2024-03-13', publishedFrom: 'inferred' });
});
