import { annotate } from './src/nlp/index.js';
import { readFileSync, readdirSync } from 'node:fs';
const dir = '/work/shared/corpus/seeds/';
const arts = readdirSync(dir).filter(f => f.endsWith('.txt')).map(f => ({ id: f, text: readFileSync(dir + f, 'utf8').normalize('NFKC'), published: '2024-03-23', language: 'en' } as any));
for (let i = 0; i < 3; i++) arts.forEach(annotate);
for (let i = 0; i < 30; i++) arts.forEach(annotate);
