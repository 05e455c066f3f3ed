// One release build behind each kind of static host (support/server.mjs describes what each
// mode models). On every one the home page, a post and a heading load from a hard link with 200;
// what hosts do differently (a URL without its trailing slash, a page that does not exist) is
// checked against what that host really does.
import { expect, type Locator, type Page, test } from '@playwright/test';
import { hosts } from '../playwright.config';
import { collectErrors, settled } from './helpers';

/**
 * Holds the app's wasm back 1.5 s, as on a slow link, and records when each post's own file and
 * Markdown is asked for: what 404.html preloads from the address (shell/address_post.rs) is
 * asked for long before the app could ask, and the post's own page, which it fetches by file
 * name, or the post the renderer alone renders from its Markdown, is painted before the app
 * could paint.
 */
async function watchPostFiles(page: Page) {
  let sent = Infinity;
  await page.route('**/folio-web-*_bg.wasm', async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 1500));
    sent = Date.now();
    await route.continue();
  });
  const asked: { path: string; at: number }[] = [];
  page.on('request', (request) => {
    const path = new URL(request.url()).pathname;
    if (/(\/post\.json|\.md)$/.test(path)) asked.push({ path, at: Date.now() });
  });
  return { asked, wasmSent: () => sent };
}

const POST = 'posts/2025/notes-on-static-hosting';
const TITLE = 'Notes on static hosting';
const HEADING = 'under-a-sub-path';

interface Host {
  name: string;
  url: string;
  /** What `/posts/x` (no trailing slash) gets. */
  slashless: 'redirect' | 'index' | '404';
  /** Whether a miss is answered with 404.html (the app) or a bare 404. */
  errorPage: boolean;
}

const all: Host[] = [
  {
    name: 'GitHub Pages, Netlify, Cloudflare Pages, S3 website, nginx',
    url: hosts.pages,
    slashless: 'redirect',
    errorPage: true,
  },
  {
    name: 'CloudFront with an index.html function for every URI',
    url: hosts.slashlessIndex,
    slashless: 'index',
    errorPage: true,
  },
  {
    name: 'S3 behind CloudFront, index.html after a slash only',
    url: hosts.slashless404,
    slashless: '404',
    errorPage: true,
  },
  { name: 'no error document', url: hosts.noErrorPage, slashless: 'redirect', errorPage: false },
  {
    name: 'GitHub Pages project site under /blog/',
    url: hosts.subPath,
    slashless: 'redirect',
    errorPage: true,
  },
  {
    name: 'S3 behind CloudFront under /blog/',
    url: hosts.subPath404,
    slashless: '404',
    errorPage: true,
  },
];

for (const host of all) {
  test.describe(host.name, () => {
    test('home, a post and a heading load from hard links with 200', async ({ page }) => {
      const errors = collectErrors(page);
      const home = await page.goto(`${host.url}/`);
      expect(home?.status()).toBe(200);
      await settled(page);
      await expect(page.locator('.post-card').first()).toBeVisible();

      const post = await page.goto(`${host.url}/posts/welcome-to-folio/`);
      expect(post?.status()).toBe(200);
      await expect(page.locator('h1.post-title')).toHaveText('Welcome to Folio');

      const heading = await page.goto(`${host.url}/${POST}/#${HEADING}`);
      expect(heading?.status()).toBe(200);
      await expect(page.locator('h1.post-title')).toHaveText(TITLE);
      await expect(page.locator(`#${HEADING}`)).toBeInViewport();
      expect(errors).toEqual([]);
    });

    test(`a post URL without its trailing slash: ${host.slashless}`, async ({ page }) => {
      const { asked, wasmSent } = await watchPostFiles(page);
      const response = await page.goto(`${host.url}/${POST}`);
      if (host.slashless === 'redirect') {
        expect(response?.request().redirectedFrom()?.url()).toBe(`${host.url}/${POST}`);
        expect(response?.status()).toBe(200);
        await expect(page).toHaveURL(`${host.url}/${POST}/`);
      } else if (host.slashless === 'index') {
        expect(response?.status()).toBe(200);
        await expect(page).toHaveURL(`${host.url}/${POST}`);
      } else {
        // The error page is the app shell, which routes to the post all the same: readers get
        // the post, crawlers a 404 (the canonical URL, with the slash, is a 200).
        expect(response?.status()).toBe(404);
      }
      if (host.slashless === '404') {
        // 404.html shows the post's own page (the build's render) while the wasm is held back.
        await expect(page.locator('#folio-prerender h1.post-title')).toHaveText(TITLE);
        expect(wasmSent()).toBe(Infinity);
        await expect(page).toHaveTitle(new RegExp(`^${TITLE} · `));
      }
      // The app's own page, in place of any first paint.
      await expect(page.locator('#folio-prerender')).toHaveCount(0);
      await expect(page.locator('h1.post-title')).toHaveText(TITLE);
      const base = new URL(host.url).pathname.replace(/\/$/, '');
      const files = [`${base}/${POST}.md`, `${base}/${POST}/post.json`];
      // Each once: the app's requests took the preloaded responses, or the shell's.
      expect(asked.map((a) => a.path).sort()).toEqual(files);
      if (host.slashless === '404') {
        for (const { path, at } of asked) expect(at, path).toBeLessThan(wasmSent());
      }
    });

    if (host.slashless === '404') {
      test('a Chinese post reached through 404.html has its files preloaded from the address', async ({ page }) => {
        const { asked, wasmSent } = await watchPostFiles(page);
        const post = `posts/${encodeURIComponent('你好 世界')}`;
        expect((await page.goto(`${host.url}/${post}`))?.status()).toBe(404);
        await expect(page.locator('#folio-prerender h1.post-title')).toContainText('你好');
        expect(wasmSent()).toBe(Infinity);
        await expect(page.locator('#folio-prerender')).toHaveCount(0);
        await expect(page.locator('h1.post-title')).toContainText('你好');
        const base = new URL(host.url).pathname.replace(/\/$/, '');
        expect(asked.map((a) => a.path).sort()).toEqual([`${base}/${post}.md`, `${base}/${post}/post.json`]);
        for (const { path, at } of asked) expect(at, path).toBeLessThan(wasmSent());
      });
    }

    if (host.slashless === '404') {
      test("a heading's link reached through 404.html is in view before the app arrives", async ({ page }) => {
        const { wasmSent } = await watchPostFiles(page);
        await page.setViewportSize({ width: 1000, height: 600 });
        await page.goto(`${host.url}/${POST}#${HEADING}`);
        await expect(page.locator(`#folio-prerender #${HEADING}`)).toBeInViewport();
        expect(wasmSent()).toBe(Infinity);
        // The app takes over where the reader is.
        await expect(page.locator('#folio-prerender')).toHaveCount(0);
        await expect(page.locator(`#${HEADING}`)).toBeInViewport();
      });

      test('a post the build never saw is shown by the renderer alone, before the app', async ({ page }) => {
        const errors = collectErrors(page);
        const { wasmSent } = await watchPostFiles(page);
        const modules: string[] = [];
        page.on('request', (request) => {
          const match = /\/extras-([a-z]+)-[0-9a-f]{16}\/folio_extras(?:_bg\.wasm|\.js)$/.exec(request.url());
          if (match) modules.push(match[1]);
        });
        const post = 'posts/2026/added-after-the-build';
        // Narrow: the table of contents sits above the text.
        await page.setViewportSize({ width: 1000, height: 700 });
        expect((await page.goto(`${host.url}/${post}`))?.status()).toBe(404);
        // The post page the app shows for it, with the post the renderer made of its Markdown
        // (the title its leading heading: the front matter is the build's to read).
        const first = page.locator('#folio-prerender');
        await expect(first.locator('h1.post-title')).toHaveText('Added after the build');
        await expect(first.locator('.post-body p').first()).toHaveText('No build has seen this post yet.');
        const contents = ['#first-part', '#second-part'];
        const toc = (root: Locator) =>
          root.locator('.toc-list a').evaluateAll((links) => links.map((link) => link.getAttribute('href')));
        expect(await toc(first)).toEqual(contents);
        const textTop = async () => (await page.locator('.post-body p').first().boundingBox())?.y;
        const paintedAt = await textTop();
        await expect(first.locator('.reading-time')).toHaveText('1 min read');
        await expect(first.locator('.site-header .site-title')).toBeVisible();
        await expect(page).toHaveTitle(/^Added after the build · /);
        expect(wasmSent()).toBe(Infinity);
        expect([...new Set(modules)]).toEqual(['unindexed']);
        // Sanitized as the app's own render is: the handler is gone and never ran.
        await expect(first.locator('.post-body img')).toHaveCount(1);
        expect(await first.locator('.post-body img').getAttribute('onerror')).toBeNull();
        // Then the app takes over with the same post, its text where it was.
        await expect(page.locator('#folio-prerender')).toHaveCount(0);
        await expect(page.locator('h1.post-title')).toHaveText('Added after the build');
        await expect(page.locator('.post-body p').first()).toHaveText('No build has seen this post yet.');
        expect(await toc(page.locator('body'))).toEqual(contents);
        expect(await textTop()).toBe(paintedAt);
        expect(await page.evaluate(() => (window as { folioXss?: number }).folioXss)).toBeUndefined();
        expect(errors).toEqual([]);
      });

      test('an address with no post behind it gets the app, which says so', async ({ page }) => {
        const errors = collectErrors(page);
        expect((await page.goto(`${host.url}/posts/2026/no-such-post`))?.status()).toBe(404);
        await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
        await expect(page.locator('#folio-prerender')).toHaveCount(0);
        expect(errors).toEqual([]);
      });

      test("404.html shows no page that is not the post's own", async ({ page }) => {
        // A host may answer a missing file with its home page and a 200 (CloudFront's error
        // responses): here, the post's page asked for by file name.
        const home = await (await page.request.get(`${host.url}/`)).text();
        const shell = `**/posts/welcome-to-folio/index.html`;
        await page.route(shell, (route) => route.fulfill({ status: 200, contentType: 'text/html', body: home }));
        const { wasmSent } = await watchPostFiles(page);
        const answered = page.waitForResponse((response) => response.url().endsWith('/posts/welcome-to-folio/index.html'));
        await page.goto(`${host.url}/posts/welcome-to-folio`);
        await (await answered).finished();
        await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 100))));
        // Counted once, not waited for: the app, once it arrives, would take any first paint away.
        // The home page's cards are nowhere (the renderer alone may show the post itself).
        expect(await page.locator('.post-card').count()).toBe(0);
        expect(wasmSent()).toBe(Infinity);
        // The app renders the post.
        await expect(page.locator('h1.post-title')).toHaveText('Welcome to Folio');
      });
    }

    test('a page that does not exist answers 404', async ({ page }) => {
      const response = await page.goto(`${host.url}/posts/no-such-post/`);
      expect(response?.status()).toBe(404);
      if (host.errorPage) {
        await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
      } else {
        expect(await response?.text()).toBe('Not found');
      }
    });
  });
}
