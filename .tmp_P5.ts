import { segment } from './src/nlp/tokens.js';
import { findEntities } from './src/nlp/entities.js';
import { knowledgeBase } from './src/nlp/knowledge-base.js';
import { tagTokens, tokenizeForNer } from './src/nlp/ner/index.js';
import { readFileSync, readdirSync } from 'node:fs';
const dir = '/work/shared/corpus/seeds/';
const texts = readdirSync(dir).filter(f => f.endsWith('.txt')).map(f => readFileSync(dir+f,'utf8').normalize('NFKC'));
const sents = texts.map(t => segment(t));
let linkT = 0, linkN = 0, demT = 0;
const kb = { ...knowledgeBase, linkName: (...a: Parameters<typeof knowledgeBase.linkName>) => { const t0 = performance.now(); const r = knowledgeBase.linkName(...a); linkT += performance.now() - t0; linkN++; return r; } };
for (let r = 0; r < 6; r++) { linkT = 0; linkN = 0; const c0 = process.cpuUsage(); texts.forEach((t, i) => findEntities(t, sents[i], kb)); const c = process.cpuUsage(c0); console.log('entities', (c.user+c.system)/1000, 'link ms', linkT.toFixed(1), linkN); }
for (let r = 0; r < 4; r++) { const c0 = process.cpuUsage(); texts.forEach((t, i) => tagTokens(sents[i].map(s => tokenizeForNer(t.slice(s.start, s.end)).flat()))); const c = process.cpuUsage(c0); console.log('tagger', (c.user+c.system)/1000); }
