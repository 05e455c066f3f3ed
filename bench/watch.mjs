// What the time-to-content measurements watch for, installed in every page before its own scripts
// (Playwright's addInitScript) so that nothing the page does comes first.

/**
 * Runs in the page. Records on `window.__bench`, in `performance.now()` time (milliseconds since
 * the navigation started):
 *   found     when a visible <p> whose text is `needle` is in the DOM: the post's last paragraph,
 *             which is there only when the whole article is (a hidden element does not count:
 *             Folio renders into a hidden container while a shell's first paint is showing);
 *   appReady  when a Folio shell's first paint (#folio-prerender) gave way to the app.
 * `__bench.watch(text)` starts over with another needle, for a click to another post.
 */
export function watcher(needle) {
  const bench = { needle, found: null, appReady: null, hadFirstPaint: false };
  window.__bench = bench;
  const check = () => {
    const now = performance.now();
    if (bench.found === null && bench.needle) {
      const paragraphs = document.getElementsByTagName('p');
      for (let i = paragraphs.length - 1; i >= 0; i--) {
        const p = paragraphs[i];
        if (p.textContent.trim() === bench.needle && !p.closest('[hidden]')) {
          bench.found = now;
          break;
        }
      }
    }
    const firstPaint = document.getElementById('folio-prerender');
    if (firstPaint) bench.hadFirstPaint = true;
    else if (bench.hadFirstPaint && bench.appReady === null) bench.appReady = now;
  };
  bench.watch = (text) => {
    bench.needle = text;
    bench.found = null;
    check();
  };
  new MutationObserver(check).observe(document, {
    childList: true,
    subtree: true,
    attributes: true,
    attributeFilter: ['hidden'],
  });
}

/** The text of the last paragraph of the article on a built Folio page, read with scripts off. */
export async function lastParagraph(browser, url) {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(url);
  const text = await page.evaluate(() => {
    const paragraphs = document.querySelectorAll('article .post-body p');
    return paragraphs.length ? paragraphs[paragraphs.length - 1].textContent.trim() : null;
  });
  await context.close();
  if (!text) throw new Error(`no article paragraph at ${url}`);
  return text;
}
