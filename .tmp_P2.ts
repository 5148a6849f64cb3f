import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { readFileSync, readdirSync } from 'node:fs';
const nlp = winkNLP(model, ['sbd']); const its = nlp.its;
const dir = '/work/shared/corpus/seeds/';
const texts = readdirSync(dir).map(f => readFileSync(dir+f,'utf8').normalize('NFKC'));
const cpu = () => { const c = process.cpuUsage(); return (c.user + c.system) / 1000; };
for (let r = 0; r < 5; r++) {
let t0 = cpu(); const docs = texts.map(t => nlp.readDoc(t)); const t1 = cpu();
for (const d of docs) { d.tokens().out(); d.tokens().out(its.type); } const t2 = cpu();
for (const d of docs) d.sentences().out(its.span); const t3 = cpu();
console.log('read', (t1-t0).toFixed(1), 'out', (t2-t1).toFixed(1), 'sent', (t3-t2).toFixed(1));
}
