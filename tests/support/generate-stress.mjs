// Writes the big and pathological posts for the stress browser tests (tests/e2e/stress.spec.ts)
// into a posts folder at test-site build time, so no multi-MB file is committed:
//   node support/generate-stress.mjs <posts folder>
// Each post ends with a paragraph "Last paragraph of <name>." that the test looks for.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.argv[2];
if (!dir) throw new Error('usage: generate-stress.mjs <posts folder>');
mkdirSync(dir, { recursive: true });

const post = (name, title, body) =>
  writeFileSync(
    join(dir, `${name}.md`),
    `---\ntitle: "${title}"\ntags: [stress]\n---\n\n${body}\n\nLast paragraph of ${name}.\n`,
  );

// About 5 MB of ordinary Markdown: headings, paragraphs, lists, tables, code and raw HTML.
const section = (i) => `## Section ${i}

A paragraph with **strong**, *emphasis*, \`code\`, a [link](https://example.com/${i}) and 中文文本，
没有空格的句子也要正常换行。${'Words that fill the line. '.repeat(8)}

- item one of ${i}
- item two with <kbd>Ctrl</kbd> and <span class="x">raw html</span>

| a | b | c |
|:--|:-:|--:|
| ${i} | ${i * 2} | ${i * 3} |

\`\`\`rust
fn section_${i}() -> u32 { ${i} }
\`\`\`
`;
const sections = [];
let size = 0;
for (let i = 0; size < 5 * 1024 * 1024; i += 1) {
  const text = section(i);
  sections.push(text);
  size += Buffer.byteLength(text);
}
post('stress-big', 'A five-megabyte post', sections.join('\n'));

const depth = 5000;
post('stress-quotes', 'Thousands of nested quotes', `${'>'.repeat(depth)} deep inside`);
post('stress-lists', 'Thousands of nested list items', `${'- '.repeat(depth)}deep inside\n\n${
  Array.from({ length: 1000 }, (_, i) => `${'  '.repeat(i)}- level ${i}`).join('\n')}`);
post('stress-brackets', 'Runs of brackets', `${'['.repeat(50000)}x${']'.repeat(50000)}\n\n${'[a]('.repeat(20000)}`);
post('stress-emphasis', 'Deeply nested emphasis', `${'*_'.repeat(depth)}x${'_*'.repeat(depth)}\n\n${'**'.repeat(20000)}`);
post('stress-html', 'Thousands of nested raw HTML elements', `${'<div>'.repeat(depth)}deep${'<span><b>'.repeat(depth)}\n\nplain`);
