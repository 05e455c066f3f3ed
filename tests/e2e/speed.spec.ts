// Fetching as little as possible, as early as possible: one request per post, prefetching on
// intent, and offline reading from the service worker's cache.
import { expect, test } from '@playwright/test';
import { hosts, sites } from '../playwright.config';
import { settled, withoutPostPages } from './helpers';

const site = sites.root;

test('a hard load fetches the post and its own file once each, starting before the app runs, and never the index', async ({ page }) => {
  const requests: string[] = [];
  page.on('request', (request) => requests.push(new URL(request.url()).pathname));
  await page.goto(`${site}/posts/welcome-to-folio/`);
  await settled(page);
  await expect(page.locator('.post-body h2').first()).toBeVisible();
  expect(requests.filter((path) => path === '/posts/welcome-to-folio.md')).toHaveLength(1);
  expect(requests.filter((path) => path === '/posts/welcome-to-folio/post.json')).toHaveLength(1);
  expect(requests).not.toContain('/posts/index.json');
  const html = await (await page.request.get(`${site}/posts/welcome-to-folio/`)).text();
  expect(html).toContain('<link rel="preload" href="/posts/welcome-to-folio.md" as="fetch" crossorigin="anonymous">');
  expect(html).toContain('<link rel="preload" href="/posts/welcome-to-folio/post.json" as="fetch" crossorigin="anonymous">');
});

test('the home page fetches its own page of the index only, and each page its own file', async ({ page, context }) => {
  // On the context, the service worker's requests (its precache) count too; there, a request
  // the worker passes on to the network shows twice.
  const requests: string[] = [];
  context.on('request', (request) => requests.push(new URL(request.url()).pathname));
  const fromPage: string[] = [];
  page.on('request', (request) => fromPage.push(new URL(request.url()).pathname));
  await page.goto(`${site}/`);
  await settled(page);
  await expect(page.locator('.post-card').first()).toBeVisible();
  await expect(page.locator('.site-title')).not.toHaveText('');
  await page.waitForLoadState('networkidle');
  expect(requests).toContain('/posts/pages/1.json');
  expect(requests).not.toContain('/posts/index.json');
  const html = await (await page.request.get(`${site}/`)).text();
  expect(html).toContain('<link rel="preload" href="/posts/pages/1.json" as="fetch" crossorigin="anonymous">');
  expect(html).not.toContain('posts/index.json');

  await page.getByRole('link', { name: 'Older posts →' }).click();
  await expect(page.locator('.page-number')).toHaveText(/^Page 2 of /);
  await expect(page.locator('.post-card').first()).toBeVisible();
  expect(requests).toContain('/posts/pages/2.json');
  expect(requests).not.toContain('/posts/index.json');

  // Opening a post needs its own file, not the whole index.
  const title = (await page.locator('.post-card-title a').first().textContent()) ?? '';
  await page.locator('.post-card-title a').first().click();
  await expect(page.locator('h1.post-title')).toHaveText(title);
  expect(fromPage.some((path) => path.endsWith('/post.json'))).toBe(true);
  expect(fromPage).not.toContain('/posts/index.json');
});

test('pointing at a post link fetches the post, and opening it then asks for nothing more', async ({ page }) => {
  const requests: string[] = [];
  page.on('request', (request) => requests.push(new URL(request.url()).pathname));
  await page.goto(`${site}/`);
  await settled(page);
  const link = page.getByRole('link', { name: 'The case for small pages' });
  await page.getByRole('link', { name: 'Older posts →' }).click();
  await expect(link).toBeVisible();
  const prefetched = page.waitForRequest((request) => request.url().endsWith('/posts/small-pages.md'));
  await link.hover();
  await prefetched;
  await page.waitForLoadState('networkidle');
  const before = requests.length;
  await link.click();
  await expect(page.locator('h1.post-title')).toHaveText('The case for small pages');
  expect(requests.slice(before).filter((path) => path.endsWith('.md'))).toEqual([]);
});

test('a visited post opens with the network off', async ({ page, context }) => {
  await page.goto(`${site}/posts/2025/notes-on-static-hosting/`);
  await settled(page);
  // The service worker installs on the first visit and is handed what the page fetched.
  // (`waitForFunction` does not await an async predicate, so poll through `evaluate`.)
  const ready = () =>
    page.evaluate(async () => {
      const controlled = navigator.serviceWorker.controller !== null;
      const cached = await Promise.all(
        [location.pathname, '/posts/2025/notes-on-static-hosting.md', '/posts/2025/notes-on-static-hosting/post.json', '/404.html'].map(
          (url) => caches.match(url),
        ),
      );
      return controlled && cached.every((response) => response !== undefined);
    });
  await expect.poll(ready, { timeout: 15_000 }).toBe(true);
  await context.setOffline(true);
  await page.reload();
  await settled(page);
  await expect(page.locator('h1.post-title')).toHaveText('Notes on static hosting');
  await expect(page.locator('.post-body')).toContainText('Deep links without rewrite rules');
  await page.getByRole('link', { name: '← All posts' }).click();
  await expect(page.locator('.post-card').first()).toBeVisible();
  await context.setOffline(false);
});

test('a visited post with math and code opens with the network off, extras modules included', async ({ page, context }) => {
  await page.goto(`${site}/posts/welcome-to-folio/`);
  await settled(page);
  await expect(page.locator('#folio-prerender')).toHaveCount(0);
  const ready = () =>
    page.evaluate(async () => {
      const modules = ['math', 'code', 'emoji'].map(
        (extra) => document.querySelector<HTMLMetaElement>(`meta[name="folio:extras-${extra}"]`)!.content,
      );
      const files = modules.flatMap((module) => [module, module.replace('folio_extras.js', 'folio_extras_bg.wasm')]);
      const cached = await Promise.all([location.pathname, ...files].map((url) => caches.match(url)));
      return navigator.serviceWorker.controller !== null && cached.every((response) => response !== undefined);
    });
  await expect.poll(ready, { timeout: 15_000 }).toBe(true);
  await context.setOffline(true);
  await page.reload();
  // The app's own render (not the cached first paint) has the math and the highlighting.
  await expect(page.locator('#folio-prerender')).toHaveCount(0);
  await expect(page.locator('#folio-app .post-body math[display="block"] mfrac')).toHaveCount(1);
  await expect(page.locator('#folio-app .post-body .tok-kw').first()).toBeVisible();
  await context.setOffline(false);
});

test('a search once done is answered offline, and its index files come from the cache', async ({ page, context }) => {
  await page.goto(`${site}/search/?q=${encodeURIComponent('small pages')}`);
  const result = page.locator('.search-result').filter({ hasText: 'The case for small pages' });
  await expect(result).toHaveCount(1);
  const indexFiles = () =>
    page.evaluate(() =>
      performance
        .getEntriesByType('resource')
        .map((entry) => new URL(entry.name).pathname)
        .filter((path) => path.startsWith('/search/')),
    );
  const ready = async () => {
    const files = await indexFiles();
    const cached = await page.evaluate(
      async (urls) => Promise.all(urls.map(async (url) => (await caches.match(url)) !== undefined)),
      files,
    );
    const controlled = await page.evaluate(() => navigator.serviceWorker.controller !== null);
    return controlled && files.length >= 3 && cached.every(Boolean);
  };
  await expect.poll(ready, { timeout: 15_000 }).toBe(true);
  // Online, the worker asks the network for the meta file (it names the build) and for nothing
  // else of the index: the other files are named by their content.
  const asked: string[] = [];
  context.on('request', (request) => {
    if (request.serviceWorker()) asked.push(new URL(request.url()).pathname);
  });
  await page.reload();
  await expect(result).toHaveCount(1);
  await page.waitForLoadState('networkidle');
  expect(asked).toContain('/search/meta.json');
  expect(asked.filter((path) => /^\/search\/(dir|shard|docs)-/.test(path))).toEqual([]);
  await context.setOffline(true);
  await page.reload();
  await expect(result).toHaveCount(1);
  await context.setOffline(false);
});

test('a post whose Markdown reached the host after the build is read from its file', async ({ page }) => {
  // The build never saw it: no shell, no entry, no post.json. The host answers 404.html (the
  // app), which fetches posts/<path>.md itself.
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  const response = await page.goto(`${site}/posts/2026/added-after-the-build/`);
  expect(response?.status()).toBe(404);
  await expect(page.locator('h1.post-title')).toHaveText('Added after the build');
  await expect(page.locator('.post-body')).toContainText('No build has seen this post yet.');
  expect(errors).toEqual([]);
});

test('math, highlighting and emoji each come as a module of their own, only when a post has them', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  const requests: string[] = [];
  page.on('request', (request) => requests.push(new URL(request.url()).pathname));
  const extras = () =>
    new Set(
      requests
        .map((path) => /^\/extras-([a-z]+)-[0-9a-f]{16}\/(folio_extras(?:_bg\.wasm|\.js))$/.exec(path))
        .filter((match) => match !== null)
        .map((match) => `${match[1]}/${match[2]}`),
    );
  // A post with none of them: the app takes over without any module.
  await page.goto(`${site}/posts/small-pages/`);
  await settled(page);
  await expect(page.locator('#folio-app .post-body')).toBeVisible();
  await page.waitForLoadState('networkidle');
  expect(extras()).toEqual(new Set());
  // A post with code only: the code module alone, never the math renderer.
  await page.goto(`${sites.zh}/posts/chunfen/`);
  await settled(page);
  await expect(page.locator('#folio-app .post-body pre[data-lang="sh"] .tok-str')).toHaveText('"春分快乐"');
  await page.waitForLoadState('networkidle');
  expect(extras()).toEqual(new Set(['code/folio_extras.js', 'code/folio_extras_bg.wasm']));
  requests.length = 0;
  // A post with all three, with no page of its own (404.html): the renderer alone shows it
  // first, then the app renders it with the three modules.
  await withoutPostPages(page);
  await page.goto(`${hosts.slashless404}/posts/welcome-to-folio`);
  await expect(page.locator('.post-body math[display="block"] mfrac')).toHaveCount(1);
  await expect(page.locator('.post-body pre[data-lang="rust"] .tok-kw').first()).toHaveText('fn');
  await expect(page.locator('.post-body')).toContainText('Shortcodes such as 🎉 become emoji');
  expect(extras()).toEqual(
    new Set(
      ['math', 'code', 'emoji', 'unindexed'].flatMap((extra) => [`${extra}/folio_extras.js`, `${extra}/folio_extras_bg.wasm`]),
    ),
  );
  expect(errors).toEqual([]);
});

test.describe(() => {
  // The page's routes do not see what the offline cache's worker fetches once it controls the
  // page, and it may take control before the post asks for its modules: without it, every
  // request of the module is the page's own, so refusing it is certain.
  test.use({ serviceWorkers: 'block' });
  test('an extras module that cannot load leaves only its own extra plain, and is tried again', async ({ page }) => {
    const warnings: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'warning') warnings.push(message.text());
    });
    let refuse = true;
    await page.route(/\/extras-math-[0-9a-f]{16}\//, (route) => (refuse ? route.abort() : route.continue()));
    // Rendered by the app alone (404.html, without the post's page), so no first paint stands
    // in for it.
    await withoutPostPages(page);
    await page.goto(`${hosts.slashless404}/posts/welcome-to-folio`);
    await expect(page.locator('.post-body pre[data-lang="rust"] .tok-kw').first()).toHaveText('fn');
    await expect(page.locator('.post-body')).toContainText('Shortcodes such as 🎉 become emoji');
    await expect(page.locator('.post-body math')).toHaveCount(0);
    await expect(page.locator('.post-body code.math-error').first()).toBeVisible();
    expect(warnings.some((text) => text.includes('Folio could not load its math module'))).toBe(true);
    // The next render that needs it asks again: away and back within the app.
    refuse = false;
    await page.getByRole('link', { name: '← All posts' }).click();
    await page.locator('.post-card').filter({ hasText: 'Welcome to Folio' }).getByRole('link').first().click();
    await expect(page.locator('.post-body math[display="block"] mfrac')).toHaveCount(1);
    await expect(page.locator('.post-body pre[data-lang="rust"] .tok-kw').first()).toHaveText('fn');
  });
});
