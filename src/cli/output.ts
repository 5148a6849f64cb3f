// Printing helpers: JSON lines, aligned tables, CSV. Nothing here knows about the pipeline.
export function printJsonLine(value: unknown): void {
  process.stdout.write(JSON.stringify(value) + '\n');
}

/** Prints rows as left-aligned columns; cells are cut to `maxWidth` characters. */
export function printTable(header: string[], rows: string[][], maxWidth = 60): void {
  const cut = (s: string): string => (s.length > maxWidth ? s.slice(0, maxWidth - 1) + '…' : s);
  const all = [header, ...rows].map((r) => r.map((c) => cut(oneLine(c))));
  const widths = header.map((_, i) => Math.max(...all.map((r) => r[i]?.length ?? 0)));
  for (const r of all) process.stdout.write(r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]))).join('  ') + '\n');
}

/** Control characters and line breaks from hostile text never reach the terminal raw. */
export function oneLine(s: string): string {
  return s.replace(/[\u0000-\u001f\u007f-\u009f]+/g, ' ').trim();
}

export function csvCell(value: unknown): string {
  const s = value === null || value === undefined ? '' : String(value);
  // A leading = + - @ would be run as a formula by spreadsheets: neutralise it.
  const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function printCsv(header: string[], rows: unknown[][]): void {
  process.stdout.write(header.map(csvCell).join(',') + '\n');
  for (const r of rows) process.stdout.write(r.map(csvCell).join(',') + '\n');
}
