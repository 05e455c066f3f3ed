// Client-side navigation between two posts on loopback: from the click on the post's "older post"
// link until that post's last paragraph is in the DOM, once straight away and once after the
// pointer rested on the link for a second (what a prefetch on hover would use). Each run is a cold
// load of the first post's shell, waiting for the app to take over, then the click. In both cases
// the link is scrolled into view and the page left alone for the same second before the click, so
// lazy images and idle work settle alike and the only difference is where the pointer rests.
//
// The click is the link's own `click()` in both cases, so the only difference is the hover: a
// synthetic mouse click would hover the link on its way and blur the two figures together.
import { join } from 'node:path';
import { launch } from './chromium.mjs';
import { serve } from './serve.mjs';
import { WORK, median, save } from './stats.mjs';
import { lastParagraph, watcher } from './watch.mjs';
import { readFileSync } from 'node:fs';

const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const HOVER_MS = 1000;
const LINK = '#folio-app .post-nav a.older, #folio-app .post-nav a.newer';

async function run(browser, url, needle, hover) {
  const context = await browser.newContext();
  await context.addInitScript(watcher, null);
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForFunction(() => window.__bench.appReady !== null, null, { timeout: 60_000 });
  const link = page.locator(LINK).first();
  await link.waitFor();
  await link.scrollIntoViewIfNeeded();
  const requested = [];
  const origin = new URL(url).origin;
  page.on('request', (request) => {
    const target = new URL(request.url());
    if (target.origin === origin) requested.push(decodeURIComponent(target.pathname));
  });
  if (hover) await link.hover();
  await page.waitForTimeout(HOVER_MS);
  const duringHover = [...requested];
  await page.evaluate((text) => window.__bench.watch(text), needle);
  const clickAt = await link.evaluate((a) => {
    const at = performance.now();
    a.click();
    return at;
  });
  await page.waitForFunction(() => window.__bench.found !== null, null, { timeout: 60_000, polling: 20 });
  const found = await page.evaluate(() => window.__bench.found);
  const afterClick = requested.slice(duringHover.length);
  await context.close();
  return { ms: found - clickAt, duringHover, afterClick };
}

async function main() {
  const info = JSON.parse(readFileSync(join(WORK, 'inputs', 'inputs.json'), 'utf8'));
  const server = await serve(join(WORK, 'site'));
  const from = `${server.url}/posts/${encodeURIComponent(info.post.name)}/`;
  const { browser } = await launch();
  // The target and its last paragraph, from the first post's shell (its links are the app's).
  const probe = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
  await probe.goto(from);
  const href = await probe.locator('.post-nav a.older, .post-nav a.newer').first().getAttribute('href');
  await probe.context().close();
  const needle = await lastParagraph(browser, `${server.url}${href}`);

  const samples = { direct: [], hovered: [] };
  const requests = {};
  for (let round = 0; round <= RUNS; round++) {
    for (const kind of Object.keys(samples)) {
      const result = await run(browser, from, needle, kind === 'hovered');
      if (round === 0) continue;
      samples[kind].push(result.ms);
      requests[kind] = { duringHover: result.duringHover, afterClick: result.afterClick };
    }
  }
  await browser.close();
  await server.close();
  const results = {
    runs: RUNS,
    target: decodeURIComponent(href),
    direct: median(samples.direct),
    hovered: median(samples.hovered),
    hoverMs: HOVER_MS,
    // What the last run of each kind fetched, to tell a prefetch from a fetch on click.
    requests,
    samples,
  };
  console.log(`nav (median of ${RUNS}, ms): click ${results.direct.toFixed(1)}, after hover ${results.hovered.toFixed(1)}; ` +
    `requests while hovering: ${requests.hovered.duringHover.join(' ') || 'none'}`);
  save('nav', results);
}

await main();
