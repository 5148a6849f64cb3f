// Cheap whole-text checks that decide which annotation layers can run: script and letter case.

/** Share of letters that are Latin, over at most the first `sample` characters. 1 when there are no letters. */
export function latinShare(text: string, sample = 20000): number {
  const head = text.slice(0, sample);
  const letters = head.match(/\p{L}/gu)?.length ?? 0;
  const latin = head.match(/\p{Script=Latin}/gu)?.length ?? 0;
  return letters === 0 ? 1 : latin / letters;
}

/** "upper" or "lower" when nearly all cased letters are one case (a feed in capitals, a lower-cased dump). */
export function letterCase(text: string, sample = 20000): 'upper' | 'lower' | 'mixed' {
  const head = text.slice(0, sample);
  const upper = (head.match(/\p{Lu}/gu) ?? []).length;
  const lower = (head.match(/\p{Ll}/gu) ?? []).length;
  const cased = upper + lower;
  if (cased < 20) return 'mixed';
  if (upper / cased > 0.9) return 'upper';
  if (upper / cased < 0.01) return 'lower';
  return 'mixed';
}
