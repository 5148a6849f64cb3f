// temporary: same as muc4.ts but on the first 300 train docs
import { readFileSync } from 'node:fs';
import { extractIncidentMentions } from '../src/events/mentions.js';
import { annotate } from '../src/nlp/index.js';
const docs = readFileSync('/work/shared/eval/muc4/grit/train.jsonl','utf8').split('\n').filter(Boolean).slice(0,400).map(l=>JSON.parse(l));
const norm=(s:string)=>s.toLowerCase().replace(/[!"#$%&'()*+,\-./:;<=>?@[\\\]^_`{|}~]/g,'').replace(/\b(a|an|the)\b/g,' ').replace(/\s+/g,' ').trim();
const T:Record<string,number[]>={};
for (const d of docs) {
  const a:any={id:d.docid,source:'',url:null,title:null,text:d.doctext,published:null,publishedFrom:null,outlet:null,byline:null,language:'en',fetchedAt:null,offsets:{runs:[[0,0]]}};
  const ms=extractIncidentMentions(a,annotate(a));
  const pred:Record<string,Set<string>>={PerpInd:new Set(),PerpOrg:new Set(),Target:new Set(),Victim:new Set(),Weapon:new Set()};
  for (const m of ms){ if(['arrest','charge or trial','warning or advisory'].includes(m.type)) continue; for (const p of m.perpetrators) if (p.entityType!=='NORP') pred[p.entityType==='ORG'?'PerpOrg':'PerpInd']!.add(norm(p.text)); for (const t of m.targets) pred.Target!.add(norm(t.text)); for (const v of m.victims) pred.Victim!.add(norm(v.text)); for (const w of m.weapons) pred.Weapon!.add(norm(w.text)); }
  for (const r of Object.keys(pred)) { const gold=(d.extracts[r] as any[]).map((e:any[])=>e.map(([s]:any)=>norm(s))); const used=new Set<number>(); let m=0; for (const p of pred[r]!){ const g=gold.findIndex((g:string[],i:number)=>!used.has(i)&&g.includes(p)); if(g>=0){used.add(g);m++;} } const t=T[r]??[0,0,0]; t[0]+=m; t[1]+=pred[r]!.size; t[2]+=gold.length; T[r]=t; }
}
let M=0,P=0,G=0; for (const [r,[m,p,g]] of Object.entries(T)) { M+=m;P+=p;G+=g; console.log(r, m,p,g, (2*m/(p+g)).toFixed(3)); } console.log('micro', (2*M/(P+G)).toFixed(3));
