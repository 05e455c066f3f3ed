// Bytes a reader downloads: each file of the benchmark site's build raw, gzip (level 9) and brotli
// (quality 11, what hosts that precompress serve), and the first load of a post: everything its
// deep link fetches before the article is the app's (the shell, js and the js snippet its wasm
// imports, wasm, css, the post's own file and its Markdown). A post with math, code or emoji
// also fetches that extra's module (its js and wasm), and a search the search index's reader
// (the search module), each reported apart.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { brotli, gzip } from './serve.mjs';
import { BENCH, WORK, save } from './stats.mjs';

const SITE = join(WORK, 'site');

function measure(path) {
  const raw = readFileSync(path);
  return { raw: raw.length, gzip: gzip(raw).length, brotli: brotli(raw).length };
}

function main() {
  const info = JSON.parse(readFileSync(join(WORK, 'inputs', 'inputs.json'), 'utf8'));
  const top = readdirSync(SITE);
  const one = (pattern) => {
    const found = top.filter((file) => pattern.test(file));
    if (found.length !== 1) throw new Error(`expected one file matching ${pattern} in ${SITE}, found ${found.length}`);
    return join(SITE, found[0]);
  };
  const files = {
    html: join(SITE, 'posts', info.post.name, 'index.html'),
    js: one(/^folio-web-.*\.js$/),
    wasm: one(/^folio-web-.*_bg\.wasm$/),
    css: one(/^main-.*\.css$/),
    'post.json': join(SITE, 'posts', info.post.name, 'post.json'),
    md: join(SITE, 'posts', `${info.post.name}.md`),
  };
  const sizes = Object.fromEntries(Object.entries(files).map(([id, path]) => [id, measure(path)]));
  // The js snippets the wasm imports (one per inline_js block, in a folder per crate: the app's
  // and folio-entities'), all of them loaded at start.
  sizes.snippet = { raw: 0, gzip: 0, brotli: 0 };
  for (const crate of readdirSync(join(SITE, 'snippets'))) {
    const snippets = join(SITE, 'snippets', crate);
    for (const file of readdirSync(snippets)) {
      const size = measure(join(snippets, file));
      for (const key of Object.keys(sizes.snippet)) sizes.snippet[key] += size[key];
    }
  }
  const total = { raw: 0, gzip: 0, brotli: 0 };
  for (const size of Object.values(sizes)) for (const key of Object.keys(total)) total[key] += size[key];
  // Each extra's module (extras-<extra>-<hash>/), which only a post that has that extra fetches,
  // the search module, which only a search fetches, and the unindexed module (the renderer
  // alone), which only 404.html fetches for a post's address: each module's js, wasm and the js
  // snippets it imports.
  const extras = {};
  for (const extra of ['math', 'code', 'emoji', 'search', 'unindexed']) {
    const dir = join(SITE, top.find((file) => new RegExp(`^extras-${extra}-[0-9a-f]+$`).test(file)));
    extras[extra] = { raw: 0, gzip: 0, brotli: 0 };
    const files = readdirSync(dir, { recursive: true }).filter((file) => /\.(js|wasm)$/.test(file));
    for (const file of files) {
      const size = measure(join(dir, file));
      for (const key of Object.keys(extras[extra])) extras[extra][key] += size[key];
    }
  }
  // folio-core's renderer on its own (the benchmark's wasm), to tell the core from the app.
  const renderer = measure(join(WORK, 'wasm', 'folio_bench_wasm_bg.wasm'));
  // What the Docsify page loads to render.
  const docsify = measure(join(BENCH, 'node_modules', 'docsify', 'dist', 'docsify.min.js'));
  const posts = JSON.parse(readFileSync(join(SITE, 'posts', 'index.json'), 'utf8')).posts.length;
  save('sizes', { files: sizes, total, extras, renderer, docsify, posts, post: info.post });
  console.log(`sizes: first load of a post ${(total.brotli / 1000).toFixed(1)} KB brotli (${(total.raw / 1000).toFixed(1)} KB raw); the extras modules ${Object.entries(extras).map(([extra, size]) => `${extra} ${(size.brotli / 1000).toFixed(1)}`).join(', ')} KB brotli more`);
}

main();
