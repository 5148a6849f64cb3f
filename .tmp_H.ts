import { annotate } from './src/nlp/index.js';
const art = (text: string) => ({ id: 'x', text, published: '2024-03-23', language: 'en' } as any);
annotate(art('Warm up in Moscow on Friday.'));
const cases: Record<string, (n: number) => string> = {
  binary: n => Array.from({ length: n * 4 }, (_, i) => String.fromCharCode((i * 7919) % 65_000)).join(''),
  endless: n => 'and then the crowd moved on towards the river '.repeat(n / 9),
  numbers: n => Array.from({ length: n }, (_, i) => String(i)).join(' '),
  marks: n => ('he said " and " then "\n').repeat(n / 6),
  caps: n => 'GUNMEN OPENED FIRE IN KRASNOGORSK ON FRIDAY. '.repeat(n / 7),
};
for (const [name, make] of Object.entries(cases)) {
  const row = [name];
  for (const n of [10_000, 40_000]) { const t = make(n); const c0 = process.cpuUsage(); annotate(art(t)); const c = process.cpuUsage(c0); row.push(`${n}: ${((c.user + c.system) / 1000).toFixed(0)}ms`); }
  console.log(row.join('  '));
}
