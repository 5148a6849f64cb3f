// Cuts a (pruned) tree into text blocks: the runs of inline content between block-level boundaries, which
// become the output paragraphs. Each block remembers the innermost block element that holds it.
import type { Cues } from './cues.js';
import type { HtmlElement } from './tree.js';

export interface Block {
  /** Whitespace-collapsed text. */
  text: string;
  /** Characters of `text` that sit inside links. */
  linkChars: number;
  /** Innermost block-level element around the text. */
  owner: HtmlElement;
  /** Tag of the innermost element that decides the block's role: h1–h6, li, tr… or the owner's tag. */
  kind: string;
}

const ROLE_TAGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'tr', 'blockquote', 'pre', 'dt', 'dd', 'p']);

export function collectBlocks(root: HtmlElement, cues: Cues): Block[] {
  const blocks: Block[] = [];
  let parts: string[] = [];
  let linkParts: string[] = [];
  let linkDepth = 0;
  const owners: HtmlElement[] = [root];
  const roles: string[] = [root.tag];

  const flush = (): void => {
    if (parts.length === 0) return;
    const text = parts.join('').replace(/\s+/g, ' ').trim();
    const linkText = linkParts.join('').replace(/\s+/g, ' ').trim();
    parts = [];
    linkParts = [];
    if (text === '') return;
    blocks.push({
      text,
      linkChars: Math.min(text.length, linkText.length),
      owner: owners[owners.length - 1]!,
      kind: roles[roles.length - 1]!,
    });
  };

  // Explicit stack with exit markers instead of recursion: hostile pages nest deeply.
  type Step = { node: HtmlElement | string; exit: boolean };
  const stack: Step[] = [];
  for (let i = root.children.length - 1; i >= 0; i--) stack.push({ node: root.children[i]!, exit: false });
  while (stack.length > 0) {
    const { node, exit } = stack.pop()!;
    if (typeof node === 'string') {
      parts.push(node);
      if (linkDepth > 0) linkParts.push(node);
      continue;
    }
    const isBlock = cues.blockTags.has(node.tag);
    if (exit) {
      if (node.tag === 'a') linkDepth--;
      if (isBlock) {
        flush();
        owners.pop();
        roles.pop();
      }
      continue;
    }
    if (node.tag === 'br') {
      flush();
      continue;
    }
    if (node.tag === 'a') linkDepth++;
    // Table cells are not blocks (a row is), but their texts must not run together.
    if (node.tag === 'td' || node.tag === 'th') parts.push(' ');
    if (isBlock) {
      flush();
      owners.push(node);
      roles.push(ROLE_TAGS.has(node.tag) ? node.tag : (roles[roles.length - 1] ?? node.tag));
    }
    stack.push({ node, exit: true });
    for (let i = node.children.length - 1; i >= 0; i--) stack.push({ node: node.children[i]!, exit: false });
  }
  flush();
  return blocks;
}
