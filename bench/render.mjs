// Render throughput in MB/s (10^6 bytes of Markdown per second): folio-core compiled to wasm
// (crates/folio-bench-wasm), marked and markdown-it, timed in turn in one headless Chromium page
// on the same inputs; and folio-core natively, from the criterion run `make bench` did just before
// (crates/folio-core/benches/render.rs reads the same input files).
//
// "render" is Markdown body -> HTML (Folio's `render` with default options, which also sanitizes,
// as the app renders an indexed post: no excerpt or reading time, which the index has; marked and
// markdown-it with their defaults, which do not sanitize). "Post::parse" is the whole file,
// front matter included, as the app does for a post. Strings cross the wasm boundary both ways,
// as in the app, so the cost of copying them is in Folio's figure.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openPage, writePage } from './folio-page.mjs';
import { BENCH, ROOT, WORK, median, save } from './stats.mjs';

const PAGE = join(WORK, 'render-page');
const INPUTS = join(WORK, 'inputs');
const ROUNDS = 9;
const ROUND_MS = 250;
const version = (name) => JSON.parse(readFileSync(join(BENCH, 'node_modules', name, 'package.json'), 'utf8')).version;

/** Runs in the page: loads the three renderers and the inputs, then times them. */
async function measure({ names, rounds, roundMs }) {
  const folio = (await import('/folio.mjs')).default;
  const { marked } = await import('/marked.js');
  const markdownit = (await import('/markdown-it.js')).default();
  const text = async (path) => (await fetch(path)).text();
  const inputs = {};
  for (const name of names) {
    inputs[name] = { file: await text(`/inputs/${name}.md`), body: await text(`/inputs/${name}.body.md`) };
  }
  const renderers = {
    'folio-render': (input) => folio.renderBody(input.body),
    'folio-parse': (input) => folio.parsePost(input.file),
    marked: (input) => marked.parse(input.body),
    'markdown-it': (input) => markdownit.render(input.body),
  };
  // Calls per round, so that a round lasts about roundMs whatever the renderer's speed.
  const calls = (fn, input) => {
    const start = performance.now();
    let n = 0;
    while (performance.now() - start < roundMs / 2) {
      fn(input);
      n++;
    }
    return Math.max(1, Math.round((n * roundMs) / 2 / (performance.now() - start)));
  };
  const out = {};
  for (const name of names) {
    const plan = Object.entries(renderers).map(([id, fn]) => ({ id, fn, n: calls(fn, inputs[name]) }));
    out[name] = Object.fromEntries(plan.map(({ id }) => [id, []]));
    // Rounds interleave the renderers, so a busy neighbour slows each of them alike.
    for (let round = 0; round < rounds; round++) {
      for (const { id, fn, n } of plan) {
        const start = performance.now();
        let sink = 0;
        for (let i = 0; i < n; i++) sink += fn(inputs[name]).length;
        const ms = performance.now() - start;
        if (sink === 0) throw new Error(`${id} rendered nothing`);
        out[name][id].push(ms / n);
      }
    }
  }
  return out;
}

/** Native figures from criterion's estimates (median time per iteration, in nanoseconds). */
function native(name, info) {
  const dir = join(process.env.CARGO_TARGET_DIR ?? join(ROOT, 'target'), 'criterion');
  const read = (group) => {
    const path = join(dir, group, name, 'new', 'estimates.json');
    if (!existsSync(path)) throw new Error(`${path} is missing: run criterion first (make bench does)`);
    return JSON.parse(readFileSync(path, 'utf8')).median.point_estimate;
  };
  return {
    'native-render': info.bodyBytes / 1e6 / (read('render') / 1e9),
    'native-parse': info.bytes / 1e6 / (read('parse') / 1e9),
  };
}

async function main() {
  writePage(PAGE, {
    inputs: INPUTS,
    'marked.js': join(BENCH, 'node_modules/marked/lib/marked.esm.js'),
    'markdown-it.js': join(BENCH, 'node_modules/markdown-it/dist/browser/markdown-it.esm.min.mjs'),
  });
  const info = JSON.parse(readFileSync(join(INPUTS, 'inputs.json'), 'utf8'));
  const names = Object.keys(info);
  const { page, chromium, close } = await openPage(PAGE);
  const times = await page.evaluate(measure, { names, rounds: ROUNDS, roundMs: ROUND_MS });
  await close();

  const results = { chromium, rounds: ROUNDS, versions: { marked: version('marked'), 'markdown-it': version('markdown-it') }, inputs: {} };
  for (const name of names) {
    const mbps = {};
    for (const [id, ms] of Object.entries(times[name])) {
      const bytes = id === 'folio-parse' ? info[name].bytes : info[name].bodyBytes;
      mbps[id] = bytes / 1e6 / (median(ms) / 1e3);
    }
    Object.assign(mbps, native(name, info[name]));
    results.inputs[name] = { ...info[name], mbps };
    console.log(`render ${name}: ${Object.entries(mbps).map(([id, v]) => `${id} ${v.toFixed(1)}`).join(', ')} MB/s`);
  }
  save('render', results);
}

await main();
