import { segment } from './src/nlp/tokens.js';
import { tagTokens, tokenizeForNer } from './src/nlp/ner/index.js';
import { readFileSync, readdirSync } from 'node:fs';
const dir = '/work/shared/corpus/seeds/';
const texts = readdirSync(dir).map(f => readFileSync(dir+f,'utf8').normalize('NFKC'));
const cpu = () => { const c = process.cpuUsage(); return (c.user + c.system) / 1000; };
const sents = texts.map(t => segment(t));
for (let r = 0; r < 8; r++) {
  let a = 0, b = 0;
  texts.forEach((t, i) => { const t0 = cpu(); const input = sents[i].map(s => tokenizeForNer(t.slice(s.start, s.end)).flat()); const t1 = cpu(); tagTokens(input); const t2 = cpu(); a += t1-t0; b += t2-t1; });
  console.log('tokenize', a.toFixed(1), 'tag', b.toFixed(1));
}
