// Markdown -> plain lines: the syntax goes, the words and the line structure stay, so the pasted-text cleaner
// can treat a Markdown article like any other pasted page.

const FENCE = /^\s{0,3}(```|~~~)/u;
const ATX_HEADING = /^\s{0,3}#{1,6}\s+(.*?)(?:\s+#+)?\s*$/u;
const SETEXT_UNDERLINE = /^\s{0,3}(=+|-+)\s*$/u;
const RULE = /^\s{0,3}([-*_])(?:\s*\1){2,}\s*$/u;
const REFERENCE_DEFINITION = /^\s{0,3}\[[^\]]{1,200}\]:\s*\S/u;
const QUOTE_MARKER = /^\s{0,3}(?:>\s?)+/u;
const LIST_MARKER = /^\s*(?:[-*+]|\d{1,9}[.)])\s+/u;
// Bounded repetitions keep every pattern linear on hostile input.
const INLINE: Array<[RegExp, string]> = [
  [/!\[[^\]]{0,500}\]\([^)]{0,2000}\)/gu, ''],
  [/\[([^\]]{1,500})\]\([^)]{0,2000}\)/gu, '$1'],
  [/\[([^\]]{1,500})\]\[[^\]]{0,200}\]/gu, '$1'],
  [/<\/?[a-zA-Z][^<>]{0,500}>/gu, ''],
  [/`([^`]{1,500})`/gu, '$1'],
  [/(\*\*|__)([^*_]{1,500}?)\1/gu, '$2'],
  [/(?<![\p{L}\p{N}*])\*(\S[^*]{0,500}?)\*(?![\p{L}\p{N}*])/gu, '$1'],
  [/(?<![\p{L}\p{N}_])_(\S[^_]{0,500}?)_(?![\p{L}\p{N}_])/gu, '$1'],
];

/** Plain text of a Markdown document: one output line per input line; code blocks and images dropped. */
export function stripMarkdown(markdown: string): string {
  const out: string[] = [];
  let inFence = false;
  for (const line of markdown.split(/\r\n|\r|\n/u)) {
    if (FENCE.test(line)) {
      inFence = !inFence;
      continue;
    }
    if (inFence || REFERENCE_DEFINITION.test(line)) continue;
    const previous = out[out.length - 1];
    // A Setext underline belongs to the heading above it; a thematic break is a section separator.
    if (SETEXT_UNDERLINE.test(line) && previous !== undefined && previous.trim() !== '') continue;
    if (RULE.test(line)) {
      out.push('* * *');
      continue;
    }
    let text = line.replace(ATX_HEADING, '$1').replace(QUOTE_MARKER, '').replace(LIST_MARKER, '');
    for (const [pattern, replacement] of INLINE) text = text.replace(pattern, replacement);
    out.push(text);
  }
  return out.join('\n');
}
