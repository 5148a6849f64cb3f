import { matchKnown, linkName, demonym, lookupPlace } from './src/knowledge/index.js';
import { readFileSync } from 'node:fs';
const t = readFileSync('/work/shared/corpus/seeds/000_98faa75171386d96.txt','utf8').normalize('NFKC');
const c0 = performance.now(); const ms = matchKnown(t); console.log('ms', performance.now()-c0);
console.log(ms.map(m => `${m.text}=${m.entity.type}/${m.entity.kind}/${m.entity.id}`).join(' | '));
for (const n of ['Krasnogorsk','Moscow','Crocus City Hall','Kremlin','Central Command','Soufan Group','Vladimir Putin','Putin','Tajik','Syria','Georgetown University','Manchester Arena', 'Muslim', 'Islamic']) console.log(n, JSON.stringify(linkName(n)));
console.log(demonym('Tajik'), demonym('Muslim'), demonym('Kurdish'));
