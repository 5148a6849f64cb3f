// Word shapes: the spelling pattern of a token, which generalises over words never seen in training.

function charClass(code: number, ch: string): string {
  if (code >= 48 && code <= 57) return 'd';
  if (ch !== ch.toLowerCase()) return 'X';
  if (ch !== ch.toUpperCase()) return 'x';
  return ch;
}

/** Shape with runs capped at four ("Washington" -> "Xxxxx", "1996-08-22" -> "dddd-dd-dd"). */
export function wordShape(word: string): string {
  let out = '';
  let last = '';
  let run = 0;
  const limit = Math.min(word.length, 64);
  for (let i = 0; i < limit; i++) {
    const c = charClass(word.charCodeAt(i), word[i]!);
    run = c === last ? run + 1 : 1;
    last = c;
    if (run <= 4) out += c;
  }
  return out;
}

/** Shape with every run collapsed to one character ("McDonald" -> "XxXx", "U.S." -> "X.X."). */
export function shortShape(word: string): string {
  let out = '';
  let last = '';
  const limit = Math.min(word.length, 64);
  for (let i = 0; i < limit; i++) {
    const c = charClass(word.charCodeAt(i), word[i]!);
    if (c !== last) out += c;
    last = c;
  }
  return out;
}
