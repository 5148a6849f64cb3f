import { normalizeText } from './src/extract/normalize.ts';
import { cleanPastedText } from './src/extract/pasted.ts';
import { stripMarkdown } from './src/extract/markdown.ts';
const junk = Array.from({ length: 150_000 }, (_, i) =>
    i % 3 === 0 ? `Line ${i} of a very long page, with text that ends properly.` : i % 3 === 1 ? '<script>var x = "**[](" + i;</script>' : '(((((',
  ).join('\n');
console.log('chars', junk.length);
let t = performance.now(); const md = stripMarkdown(junk); console.log('md', performance.now() - t);
t = performance.now(); normalizeText(md); console.log('norm', performance.now() - t);
t = performance.now(); const c = cleanPastedText(md); console.log('clean', performance.now() - t, c.paragraphs.length);
