// How Folio scales with the number of posts: `folio index` (what the build's hook runs: manifest,
// shells, feeds, sitemap, content copied) on 1k, 10k and 100k generated posts, its wall time and
// peak memory from GNU time (`/usr/bin/time -v`); then, for 10k posts and more, the manifest's
// bytes, the home page in the browser, the JSON each kind of page fetches (home, post, tag list,
// tag, archive, search), and search when the build wrote a search index.
//
// Beside it, the same corpus built by Eleventy (npm `@11ty/eleventy`, a well-known static
// generator that installs from the npm registry; Zola and Hugo ship as binaries from GitHub,
// which this machine cannot reach, and neither is on crates.io). Eleventy renders each post's
// Markdown to a page with markdown-it and no layout: less than Folio writes (no index, search,
// feeds or page frame), so the comparison flatters it.
//
// The app files come from the benchmark site's build (bench/.work/site), so `folio index` runs
// exactly as Trunk's post-build hook does, only on a larger content folder.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { launch } from './chromium.mjs';
import { writeSite } from './corpus.mjs';
import { brotli, gzip, serve } from './serve.mjs';
import { BENCH, ROOT, WORK, median, save } from './stats.mjs';
import { watcher } from './watch.mjs';

// BENCH_SCALE=1000,10000 runs fewer sizes while working on this file.
const SIZES = (process.env.BENCH_SCALE ?? '1000,10000,20000,100000').split(',').map(Number);
// Indexing 100k posts takes minutes on two cores: one run of it, three of the others.
const runsFor = (posts) => (posts >= 100_000 ? 1 : 3);
const BROWSER_RUNS = 5;
const GNU_TIME = '/usr/bin/time';
const FOLIO = join(process.env.CARGO_TARGET_DIR ?? join(ROOT, 'target'), 'cli', 'folio');
const ELEVENTY = join(BENCH, 'node_modules', '.bin', 'eleventy');
const ELEVENTY_HEAP_MB = 12_288;
const SEARCH_QUERIES = ['browser', '城市'];

/** Generates the corpus unless the same generator already wrote it (100k posts take a while). */
function corpus(posts) {
  const dir = join(WORK, 'scale', String(posts), 'content');
  const generator = createHash('sha256').update(readFileSync(join(BENCH, 'corpus.mjs'))).digest('hex');
  const stamp = JSON.stringify({ posts, generator });
  const stampFile = join(dir, '.bench-stamp');
  if (!existsSync(stampFile) || readFileSync(stampFile, 'utf8') !== stamp) {
    writeSite(dir, { posts });
    writeFileSync(stampFile, stamp);
  }
  return dir;
}

/**
 * A fresh output folder holding only the built app (index.html, js, wasm, css, icon, the js
 * snippets its wasm imports and the extras modules).
 */
function appOnly(out) {
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const site = join(WORK, 'site');
  for (const file of readdirSync(site)) {
    if (/\.(html|js|wasm|css|svg)$/.test(file) && file !== '404.html') copyFileSync(join(site, file), join(out, file));
    if (file === 'snippets' || /^extras-[a-z]+-[0-9a-f]+$/.test(file)) cpSync(join(site, file), join(out, file), { recursive: true });
  }
}

function index(content, out) {
  appOnly(out);
  return timed(FOLIO, ['index', content, '--out', out, '--shell', '--public-url', '/', '--quiet']);
}

/** Eleventy building the same content folder into `out` (its posts; `site.toml` ignored). */
function eleventy(content, out) {
  rmSync(out, { recursive: true, force: true });
  const config = join(WORK, 'eleventy.config.mjs');
  writeFileSync(config, "export default function (config) { config.ignores.add('site.toml'); }\n");
  // Node's default heap (about 4 GB here) runs out at 100,000 posts; the machine has room for more.
  const env = { ...process.env, NODE_OPTIONS: `--max-old-space-size=${ELEVENTY_HEAP_MB}` };
  return timed(ELEVENTY, [`--input=${content}`, `--output=${out}`, `--config=${config}`, '--quiet'], content, env);
}

/**
 * One run of a command: wall seconds, user and system CPU seconds and peak resident memory in
 * MB (the last three null without GNU time). User time is the program's own work; system time
 * is mostly the file system, which on a shared machine swings with whoever else is writing, as
 * does wall time, so the three are reported apart.
 */
function timed(command, args, cwd = ROOT, env = process.env) {
  const useTime = existsSync(GNU_TIME);
  // What the previous run (or its folder's removal) left to write back is not this run's work.
  spawnSync('sync');
  const start = process.hrtime.bigint();
  const options = { encoding: 'utf8', cwd, env, maxBuffer: 64 << 20 };
  const run = useTime ? spawnSync(GNU_TIME, ['-v', command, ...args], options) : spawnSync(command, args, options);
  const wall = Number(process.hrtime.bigint() - start) / 1e9;
  if (run.status !== 0) throw new Error(`${command} failed:\n${run.stderr}`);
  const field = (name) => {
    const match = useTime ? run.stderr.match(new RegExp(`${name}: ([\\d.]+)`)) : null;
    return match ? Number(match[1]) : null;
  };
  const rss = field('Maximum resident set size \\(kbytes\\)');
  return {
    wall,
    user: field('User time \\(seconds\\)'),
    system: field('System time \\(seconds\\)'),
    peakMB: rss === null ? null : rss / 1024,
  };
}

function bytes(path) {
  const raw = readFileSync(path);
  return { raw: raw.length, gzip: gzip(raw).length, brotli: brotli(raw).length };
}

/**
 * The home page, cold: its first paint (the shell's first card), the app taking over, and the
 * JSON files it fetched (paths below the site root).
 */
async function home(browser, url, firstSummary) {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  await context.addInitScript(watcher, firstSummary);
  const page = await context.newPage();
  const json = new Set();
  page.on('request', (request) => {
    const path = new URL(request.url()).pathname;
    if (path.endsWith('.json')) json.add(path);
  });
  await page.goto(url, { waitUntil: 'commit' });
  await page.waitForFunction(() => window.__bench.found !== null && window.__bench.appReady !== null, null, {
    timeout: 180_000,
    polling: 100,
  });
  const t = await page.evaluate(() => ({ found: window.__bench.found, appReady: window.__bench.appReady }));
  await page.waitForLoadState('networkidle');
  await context.close();
  return { ...t, json: [...json].sort() };
}

/** A search from a cold load of /search/?q=…: time to results and the index bytes fetched. */
async function search(browser, base, query) {
  const context = await browser.newContext();
  const page = await context.newPage();
  let fetched = 0;
  page.on('response', (response) => {
    if (new URL(response.url()).pathname.startsWith('/search/') && response.request().resourceType() === 'fetch') {
      fetched += Number(response.headers()['content-length'] ?? 0);
    }
  });
  await page.goto(`${base}/search/?q=${encodeURIComponent(query)}`, { waitUntil: 'commit' });
  await page.waitForSelector('.search-result, .search-empty', { timeout: 120_000 });
  const ms = await page.evaluate(() => performance.now());
  await context.close();
  return { ms, bytes: fetched };
}

/**
 * The JSON each kind of page fetches on a cold hard load until the network is quiet, in bytes
 * as served (uncompressed): the home page, the newest post, the tag list, the most used tag (its
 * first page, the largest), the archive, a search. Paths below the site root.
 */
async function jsonPerPage(browser, base, out) {
  const home = JSON.parse(readFileSync(join(out, 'posts', 'pages', '1.json'), 'utf8'));
  const tags = JSON.parse(readFileSync(join(out, 'posts', 'pages', 'tags.json'), 'utf8'));
  const pages = {
    home: '/',
    post: `/posts/${home.posts[0].slug.split('/').map(encodeURIComponent).join('/')}/`,
    tags: '/tags/',
    tag: `/tags/${encodeURIComponent(tags.tags[0].slug)}/`,
    archive: '/archive/',
    search: `/search/?q=${encodeURIComponent(SEARCH_QUERIES[0])}`,
  };
  const result = {};
  for (const [kind, path] of Object.entries(pages)) {
    const context = await browser.newContext({ serviceWorkers: 'block' });
    const page = await context.newPage();
    const files = [];
    page.on('response', async (response) => {
      const url = new URL(response.url());
      if (!url.pathname.endsWith('.json')) return;
      const body = await response.body().catch(() => Buffer.alloc(0));
      files.push({ path: decodeURIComponent(url.pathname), bytes: body.length });
    });
    await page.goto(`${base}${path}`, { waitUntil: 'networkidle', timeout: 180_000 });
    await context.close();
    result[kind] = { path, files, bytes: files.reduce((total, file) => total + file.bytes, 0) };
  }
  return result;
}

async function inBrowser(out, browser) {
  const server = await serve(out);
  const probe = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
  await probe.goto(`${server.url}/`);
  const firstSummary = (await probe.locator('.post-card-summary').first().textContent()).trim();
  await probe.context().close();
  const found = [];
  const appReady = [];
  let json = [];
  for (let run = 0; run <= BROWSER_RUNS; run++) {
    const t = await home(browser, `${server.url}/`, firstSummary);
    json = t.json;
    if (run === 0) continue; // warm-up: the server compresses each file once
    found.push(t.found);
    appReady.push(t.appReady);
  }
  const fetched = json.map((path) => bytes(join(out, ...path.split('/').filter(Boolean))));
  const sum = (key) => fetched.reduce((total, file) => total + file[key], 0);
  const result = {
    homeFirstPaint: median(found),
    homeAppReady: median(appReady),
    homeJson: { files: json, raw: sum('raw'), gzip: sum('gzip'), brotli: sum('brotli') },
    perPage: await jsonPerPage(browser, server.url, out),
  };
  if (existsSync(join(out, 'search', 'meta.json'))) {
    const runs = [];
    for (const query of SEARCH_QUERIES) {
      await search(browser, server.url, query);
      for (let run = 0; run < BROWSER_RUNS; run++) runs.push({ query, ...(await search(browser, server.url, query)) });
    }
    result.search = {
      queries: SEARCH_QUERIES,
      ms: median(runs.map((r) => r.ms)),
      bytes: median(runs.map((r) => r.bytes)),
    };
  }
  await server.close();
  return result;
}

async function main() {
  if (!existsSync(FOLIO)) throw new Error(`${FOLIO} is missing: cargo build --profile cli -p folio-cli`);
  if (!existsSync(GNU_TIME)) console.log(`scale: ${GNU_TIME} is absent (Debian's time package), so peak memory is not measured`);
  const { browser } = await launch();
  const results = { runs: Object.fromEntries(SIZES.map((n) => [n, runsFor(n)])), browserRuns: BROWSER_RUNS, gnuTime: existsSync(GNU_TIME), sizes: {} };
  for (const posts of SIZES) {
    const content = corpus(posts);
    const out = join(WORK, 'scale', String(posts), 'site');
    const runs = [];
    for (let run = 0; run < runsFor(posts); run++) runs.push(index(content, out));
    const result = {
      wall: median(runs.map((r) => r.wall)),
      user: results.gnuTime ? median(runs.map((r) => r.user)) : null,
      system: results.gnuTime ? median(runs.map((r) => r.system)) : null,
      peakMB: results.gnuTime ? median(runs.map((r) => r.peakMB)) : null,
      manifest: bytes(join(out, 'posts', 'index.json')),
      siteMB: Number(spawnSync('du', ['-sb', out], { encoding: 'utf8' }).stdout.split('\t')[0]) / 1e6,
    };
    if (posts >= 10_000) Object.assign(result, await inBrowser(out, browser));
    const eleventyOut = join(WORK, 'scale', String(posts), 'eleventy');
    const eleventyRuns = [];
    for (let run = 0; run < runsFor(posts); run++) eleventyRuns.push(eleventy(content, eleventyOut));
    result.eleventy = { wall: median(eleventyRuns.map((r) => r.wall)), user: median(eleventyRuns.map((r) => r.user ?? 0)) };
    rmSync(eleventyOut, { recursive: true, force: true });
    result.hasSearch = existsSync(join(out, 'search', 'meta.json'));
    results.sizes[posts] = result;
    console.log(`scale ${posts}: index ${result.wall.toFixed(2)} s (Eleventy ${result.eleventy.wall.toFixed(2)} s; user ${result.user?.toFixed(2) ?? '?'} s, system ${result.system?.toFixed(2) ?? '?'} s), peak ${result.peakMB?.toFixed(0) ?? '?'} MB, ` +
      `index.json ${(result.manifest.raw / 1e6).toFixed(2)} MB` +
      (result.homeAppReady
        ? `, home first paint ${result.homeFirstPaint.toFixed(0)} ms, app ${result.homeAppReady.toFixed(0)} ms, ` +
          `home fetched ${result.homeJson.files.join(', ') || 'no JSON'} (${(result.homeJson.raw / 1e3).toFixed(1)} KB)`
        : '') +
      (result.perPage
        ? `; JSON per page ${Object.entries(result.perPage).map(([kind, p]) => `${kind} ${(p.bytes / 1e3).toFixed(1)} KB`).join(', ')}`
        : '') +
      (result.hasSearch ? '' : '; no search/ in the build'));
    // The 100k site is about 2 GB; only the content is kept for the next run.
    if (posts === 100_000) rmSync(out, { recursive: true, force: true });
  }
  await browser.close();
  save('scale', results);
}

await main();
