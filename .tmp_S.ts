import { annotate } from './src/nlp/index.js';
import { readFileSync, readdirSync } from 'node:fs';
const dir = '/work/shared/corpus/seeds/';
for (const f of readdirSync(dir).sort()) { const text = readFileSync(dir + f, 'utf8').normalize('NFKC');
  const a = annotate({ id: f, text, published: '2024-03-23', language: 'en' } as any);
  const i = text.search(/Q\w+ S[ou]\w*mani/); if (i < 0) continue;
  console.log(f, JSON.stringify(text.slice(i - 60, i + 40)), a.entities.filter(e => e.start >= i - 60 && e.start < i + 40).map(e => `${e.type}:${e.text}:${e.id}`));
}
