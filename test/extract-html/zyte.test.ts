import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { extractors, loadZytePages } from '../../eval/extract.js';
import { corpusScore, scorePage } from '../../eval/shingles.js';
import { sharedDir } from '../helpers.js';

const pages = loadZytePages(join(sharedDir, 'eval', 'zyte'));

test('on the Zyte development pages our extractor beats Readability.js\'s published F1 (0.947)', { skip: pages ? false : `no Zyte benchmark data under ${sharedDir}/eval/zyte` }, () => {
  const scores = pages!.map((page) => scorePage(page.gold, extractors.ours(page.html, page.url)));
  const { f1, precision, recall } = corpusScore(scores);
  assert.ok(f1 > 0.947, `F1 ${f1.toFixed(3)} (P ${precision.toFixed(3)}, R ${recall.toFixed(3)})`);
});
