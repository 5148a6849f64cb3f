import { readFileSync } from 'node:fs';
import { StoryClusterer } from '/work/main/src/merge/stories.js';
import { bcubed } from '/work/main/eval/bcubed.js';
const all = readFileSync('/work/shared/eval/ecbplus/docs.jsonl','utf8').split('\n').filter(Boolean).map(l=>JSON.parse(l));
const split = process.argv[2] ?? 'train';
const docs = all.filter((d:any)=>d.split===split);
function shuffled<T>(items: T[], seed: number): T[] { const out=[...items]; let s=seed>>>0; for (let i=out.length-1;i>0;i--){ s=(Math.imul(s,1664525)+1013904223)>>>0; const j=s%(i+1); [out[i],out[j]]=[out[j]!,out[i]!];} return out; }
const gold = new Map(docs.map((d:any)=>[d.doc_id,d.subtopic]));
const res:any[]=[];
const g = JSON.parse(process.argv[3]!);
for (const ew of g.ew) for (const th of g.th) for (const sp of g.sp) for (const mt of g.mt) {
  if (mt < sp) continue;
  let f=0, p=0, r=0;
  for (const seed of [1,2,3]) {
    const c = new StoryClusterer({entityWeight:ew, threshold:th, splitThreshold: sp, mergeThreshold: mt});
    for (const d of shuffled(docs,seed)) c.add({id:d.doc_id,title:null,text:d.text,published:null});
    const pred = new Map<string,string>(); for (const st of c.stories()) for (const a of st.articles) pred.set(a.id, st.id);
    const s = bcubed(pred, gold as any); f+=s.f1/3; p+=s.precision/3; r+=s.recall/3;
  }
  res.push([ew, th, sp, mt, f.toFixed(4), p.toFixed(3), r.toFixed(3)]);
}
res.sort((a,b)=>b[4]-a[4]); for (const r of res.slice(0,10)) console.log(r.join(' '));
