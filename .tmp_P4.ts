import * as chrono from 'chrono-node';
import { readFileSync, readdirSync } from 'node:fs';
const dir = '/work/shared/corpus/seeds/';
const text = readdirSync(dir).map(f => readFileSync(dir+f,'utf8').normalize('NFKC')).join('\n');
const c = chrono.casual.clone();
console.log(c.parsers.map(p => p.constructor.name).join(' '));
console.log(c.refiners.map(p => p.constructor.name).join(' '));
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
for (const p of c.parsers) {
  const one = chrono.casual.clone(); one.parsers = [p]; one.refiners = [];
  one.parse(text); const t0 = cpu(); for (let i = 0; i < 5; i++) one.parse(text); console.log(p.constructor.name, ((cpu()-t0)/5).toFixed(2));
}
const ref = { instant: new Date(Date.UTC(2024,2,23,12)), timezone: 0 };
chrono.parse(text, ref); let t0 = cpu(); for (let i = 0; i < 5; i++) chrono.parse(text, ref); console.log('full', ((cpu()-t0)/5).toFixed(2));
const paras = text.split('\n'); t0 = cpu(); for (let i = 0; i < 5; i++) for (const p of paras) if (p.trim()) chrono.parse(p, ref); console.log('per para', ((cpu()-t0)/5).toFixed(2), paras.length);
