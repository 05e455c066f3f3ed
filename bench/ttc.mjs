// Time to content of a post's deep link in headless Chromium: from the start of the navigation
// until the post's last paragraph is in the DOM (bench/watch.mjs), with a cold cache (a new
// browser context per load), unthrottled and on the slow profile (bench/chromium.mjs). Four pages
// show the same post:
//   static      a plain HTML page: Folio's own shell for the post with the app's scripts taken
//               out, so the same markup and CSS and nothing else: the limit for any blog;
//   shell       Folio's per-post shell (posts/<slug>/), whose first paint is the article;
//   fallback    the post's URL without its trailing slash, which no file answers, so the host
//               answers with 404.html, the bare app shell (as S3 behind CloudFront does): its
//               script fetches the post's shell by file name and paints it, then the app takes
//               over;
//   runtime     the same, on a copy of the site without the post's shell (as for a post the build
//               never saw): its script renders the Markdown with the renderer alone (a module of
//               its own) into the app's post page, then lets the app start, which takes over;
//   renderer    the least 404.html can do for a post with no shell: the same page with the app
//               taken out and only the module its script loads for such a post (the renderer
//               alone), fetched at once beside the Markdown, which it renders into the page: no
//               app, no look for the post's shell, nothing else competing for the link;
//   docsify     Docsify 5 (bench/docsify/index.html) rendering the same Markdown file.
// Every page is served by bench/serve.mjs (compressed, like a real host) from its own folder.
import { copyFileSync, cpSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { launch, throttle } from './chromium.mjs';
import { serve } from './serve.mjs';
import { BENCH, WORK, median, save } from './stats.mjs';
import { lastParagraph, watcher } from './watch.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const SITE = join(WORK, 'site');

/** A new folder `name` for a page of the site's own: its CSS, icon and the posts' images. */
function assetsFolder(name) {
  const dir = join(WORK, name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'posts'), { recursive: true });
  for (const file of readdirSync(SITE)) {
    if (/\.(css|svg)$/.test(file)) copyFileSync(join(SITE, file), join(dir, file));
  }
  cpSync(join(SITE, 'posts', 'images'), join(dir, 'posts', 'images'), { recursive: true });
  return dir;
}

/** The static page: the post's shell without the module script and the preloads of the app. */
function writeStatic(slug) {
  const dir = assetsFolder('static');
  mkdirSync(join(dir, 'posts', slug), { recursive: true });
  const shell = readFileSync(join(SITE, 'posts', slug, 'index.html'), 'utf8');
  const page = shell
    .replace(/<script type="module">[\s\S]*?<\/script>/, '')
    .replace(/<link rel="(?:modulepreload|preload)"[^>]*>/g, '');
  if (page.includes('.wasm') || page.includes('type="module"')) throw new Error('the static page still loads the app');
  writeFileSync(join(dir, 'posts', slug, 'index.html'), page);
  return dir;
}

/** The site without the post's shell: 404.html has nothing to paint, the app renders alone. */
function writeAppOnly(slug) {
  const dir = join(WORK, 'app-only');
  rmSync(dir, { recursive: true, force: true });
  cpSync(SITE, dir, { recursive: true });
  rmSync(join(dir, 'posts', slug, 'index.html'));
  return dir;
}

/**
 * The renderer alone: the site's 404.html without its scripts, its preloads and the app's
 * Content-Security-Policy (which allows only the app's own inline scripts), and in their place a
 * module script that fetches the post's Markdown and renders it with the module 404.html loads
 * for a post with no page (extras-unindexed-<hash>/), preloaded from the page's head: what the
 * "runtime" page does, without looking for the post's page, holding the app or filling in the
 * app's post page.
 */
function writeRendererAlone(slug) {
  const dir = assetsFolder('renderer-alone');
  copyFileSync(join(SITE, 'posts', `${slug}.md`), join(dir, 'posts', `${slug}.md`));
  const module = readdirSync(SITE).find((file) => /^extras-unindexed-[0-9a-f]+$/.test(file));
  if (!module) throw new Error(`no unindexed module in ${SITE}`);
  cpSync(join(SITE, module), join(dir, module), { recursive: true });
  // The module's imports (folio-entities' snippet) preloaded too.
  const snippets = readdirSync(join(dir, module, 'snippets'), { recursive: true })
    .filter((file) => file.endsWith('.js'))
    .map((file) => `<link rel="modulepreload" href="/${module}/snippets/${file}">`);
  const markdown = `/posts/${encodeURIComponent(slug)}.md`;
  const renderer =
    `<link rel="modulepreload" href="/${module}/folio_extras.js">` +
    snippets.join('') +
    `<link rel="preload" as="fetch" type="application/wasm" crossorigin href="/${module}/folio_extras_bg.wasm">` +
    '<script type="module">\n' +
    `import init, { unindexed } from '/${module}/folio_extras.js';\n` +
    `const markdown = fetch(${JSON.stringify(markdown)}).then((response) => response.text());\n` +
    `await init({ module_or_path: '/${module}/folio_extras_bg.wasm' });\n` +
    `const [title, body] = unindexed(await markdown, ${JSON.stringify(slug)}, '/', 'en');\n` +
    "const article = document.createElement('article');\n" +
    "article.append(Object.assign(document.createElement('h1'), { textContent: title }));\n" +
    'article.insertAdjacentHTML(\'beforeend\', body);\n' +
    'document.body.prepend(article);\n' +
    '</script>';
  const page = readFileSync(join(SITE, '404.html'), 'utf8')
    .replace(/<!-- folio:csp -->[\s\S]*?<!-- \/folio:csp -->/, '')
    .replace(/<script\b[^>]*>[\s\S]*?<\/script>/g, '')
    .replace(/<template id="folio-app-preloads">[\s\S]*?<\/template>/, '')
    .replace(/<link rel="(?:modulepreload|preload)"[^>]*>/g, '')
    .replace('</head>', `${renderer}</head>`);
  if (page.includes('Content-Security-Policy') || page.includes('folio-web')) {
    throw new Error('the renderer-alone page still has the app or its policy');
  }
  writeFileSync(join(dir, '404.html'), page);
  return dir;
}

/** Docsify's page, its dist/ files from bench/node_modules, and the post's Markdown. */
function writeDocsify(slug, markdown) {
  const dir = join(WORK, 'docsify');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  copyFileSync(join(BENCH, 'docsify', 'index.html'), join(dir, 'index.html'));
  cpSync(join(BENCH, 'node_modules', 'docsify', 'dist'), join(dir, 'docsify'), { recursive: true });
  copyFileSync(markdown, join(dir, `${slug}.md`));
  return dir;
}

/**
 * One cold load of `url`; resolves to `{ found, appReady }` in ms since navigation start.
 * `app`: the page is Folio's shell, so also wait for the app to take over, to report when.
 */
async function load(browser, url, needle, { slow, app }) {
  const context = await browser.newContext();
  await context.addInitScript(watcher, needle);
  const page = await context.newPage();
  if (slow) await throttle(context, page);
  await page.goto(url, { waitUntil: 'commit' });
  await page.waitForFunction(() => window.__bench.found !== null, null, { timeout: 60_000, polling: 50 });
  if (app) {
    await page.waitForFunction(() => window.__bench.appReady !== null, null, { timeout: 60_000, polling: 50 });
  }
  const times = await page.evaluate(() => ({ found: window.__bench.found, appReady: window.__bench.appReady }));
  await context.close();
  return times;
}

async function main() {
  const info = JSON.parse(readFileSync(join(WORK, 'inputs', 'inputs.json'), 'utf8'));
  const slug = info.post.name;
  const path = `/posts/${encodeURIComponent(slug)}`;
  const servers = {
    folio: await serve(SITE),
    static: await serve(writeStatic(slug)),
    appOnly: await serve(writeAppOnly(slug)),
    renderer: await serve(writeRendererAlone(slug)),
    docsify: await serve(writeDocsify(slug, join(WORK, 'inputs', 'post.md'))),
  };
  const pages = {
    static: `${servers.static.url}${path}/`,
    shell: `${servers.folio.url}${path}/`,
    fallback: `${servers.folio.url}${path}`,
    runtime: `${servers.appOnly.url}${path}`,
    renderer: `${servers.renderer.url}${path}`,
    docsify: `${servers.docsify.url}/#/${encodeURIComponent(slug)}`,
  };
  const { browser, version } = await launch();
  const needle = await lastParagraph(browser, pages.static);
  const runs = {};
  for (const profile of ['unthrottled', 'slow']) {
    runs[profile] = Object.fromEntries(Object.keys(pages).map((id) => [id, { found: [], appReady: [] }]));
  }
  // Round 0 is a warm-up, not counted: the server compresses each file on its first request, and
  // the browser's process pool fills. Rounds interleave the pages so noise hits each alike.
  for (let round = 0; round <= RUNS; round++) {
    for (const profile of ['unthrottled', 'slow']) {
      for (const [id, url] of Object.entries(pages)) {
        const t = await load(browser, url, needle, { slow: profile === 'slow', app: id === 'shell' });
        if (round === 0) continue;
        runs[profile][id].found.push(t.found);
        if (t.appReady !== null) runs[profile][id].appReady.push(t.appReady);
      }
    }
    if (round > 0) process.stdout.write(`\rttc: round ${round} of ${RUNS}`);
  }
  process.stdout.write('\n');
  await browser.close();
  const encodings = Object.fromEntries(Object.entries(servers).map(([id, s]) => [id, { ...s.encodings }]));
  for (const server of Object.values(servers)) await server.close();

  const results = { chromium: version, runs: RUNS, post: info.post, encodings, pages: {}, samples: runs };
  for (const profile of Object.keys(runs)) {
    for (const [id, t] of Object.entries(runs[profile])) {
      results.pages[id] ??= {};
      results.pages[id][profile] = median(t.found);
      if (t.appReady.length) results.pages[id][`${profile}AppReady`] = median(t.appReady);
    }
  }
  console.log(`ttc (median of ${RUNS}, ms): ` + Object.entries(results.pages)
    .map(([id, p]) => `${id} ${Math.round(p.unthrottled)} / ${Math.round(p.slow)}`).join(', '));
  save('ttc', results);
}

await main();
