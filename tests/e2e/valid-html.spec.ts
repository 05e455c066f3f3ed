// Every kind of page Folio writes is valid HTML by the Nu Html Checker (the W3C validator's
// engine, npm `vnu-jar`, run with Java). The content of these sites is itself valid, so any error
// here is Folio's own markup.
import { expect, test } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const VNU = 'node_modules/vnu-jar/build/dist/vnu.jar';

interface Message {
  type: string;
  url: string;
  lastLine?: number;
  message: string;
}

/** The files of a built site that stand for each kind of page. */
function pages(site: string): string[] {
  const tags = readdirSync(join(site, 'tags'), { withFileTypes: true }).filter((entry) => entry.isDirectory());
  const manifest = JSON.parse(readFileSync(join(site, 'posts/index.json'), 'utf8'));
  return [
    'index.html',
    `posts/${manifest.posts[0].slug}/index.html`,
    'search/index.html',
    'archive/index.html',
    'tags/index.html',
    `tags/${tags[0].name}/index.html`,
    '404.html',
  ].map((file) => join(site, file));
}

/** What the checker says of the files that is an error (not a warning or a note). */
function errors(files: string[]): string[] {
  // With --format json the report is written to standard error.
  const run = spawnSync('java', ['-jar', VNU, '--format', 'json', '--exit-zero-always', ...files], {
    encoding: 'utf8',
    maxBuffer: 64 << 20,
  });
  if (run.error || run.status !== 0) {
    throw new Error(`the Nu Html Checker did not run: ${run.error ?? run.stderr}`);
  }
  const report = JSON.parse(run.stderr) as { messages: Message[] };
  return report.messages
    .filter((message) => message.type === 'error' || message.type === 'non-document-error')
    .map((message) => `${message.url.replace(/^file:.*?\.work\//, '')}:${message.lastLine ?? '?'}: ${message.message}`);
}

for (const site of ['root', 'blog', 'zh']) {
  test(`every kind of page of the ${site} site is valid HTML`, () => {
    const files = pages(`.work/${site}`);
    expect(files.length).toBe(7);
    expect(errors(files)).toEqual([]);
  });
}
