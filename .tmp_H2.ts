import { annotate } from './src/nlp/index.js';
const art = (text: string) => ({ id: 'x', text, published: '2024-03-23', language: 'en' } as any);
for (const [name, t] of [['longtoken', 'a'.repeat(1_000_000)], ['urls', 'http://x.com/'.repeat(50_000)], ['dots', '. '.repeat(200_000)], ['quotes', '"'.repeat(200_000)], ['caps-words', 'MOSCOW '.repeat(100_000)], ['newlines', '\n'.repeat(500_000) + 'Hi.'], ['digits', '1'.repeat(200_000)]] as const) {
  const c0 = process.cpuUsage(); const a = annotate(art(t)); const c = process.cpuUsage(c0);
  console.log(name, ((c.user + c.system) / 1000).toFixed(0), 'ms', a.sentences.length, a.entities.length, a.quantities.length, a.quotes.length);
}
