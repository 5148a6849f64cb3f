// Invented news reports for the pipeline tests, written for them (no shared data is copied).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const PLACES = ['Harbourton', 'Millbridge', 'Eastcombe', 'Norwick', 'Saltmarsh', 'Greyford'];

/** A short report; `n` varies the place, the figures and one sentence, so reports differ. */
export function report(n: number): string {
  const place = PLACES[n % PLACES.length];
  return [
    `Explosion at ${place} depot injures ${n + 3} workers`,
    `A gas cylinder exploded at a bus depot in ${place} early on Tuesday, injuring ${n + 3} workers, the regional fire service said.`,
    `Inspector Mara Lindqvist told reporters that the blast was not being treated as an attack and that ${n % 4 + 1} people remained in hospital.`,
    `Depot manager number ${n} said maintenance on the heating system had been scheduled for the following week.`,
    'Residents said windows were broken in several streets around the depot and that smoke could be seen for miles.',
  ].join('\n\n');
}

/** The path of input `i` in `dir`; names sort in input order. */
export function itemPath(dir: string, i: number): string {
  return join(dir, `item-${String(i).padStart(3, '0')}.txt`);
}

/** Writes reports 0..count-1 as one file each. */
export function writeReports(dir: string, count: number): void {
  mkdirSync(dir, { recursive: true });
  for (let i = 0; i < count; i++) writeFileSync(itemPath(dir, i), report(i));
}
