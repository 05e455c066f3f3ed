// One release build behind each kind of static host (support/server.mjs describes what each
// mode models). On every one the home page, a post and a heading load from a hard link with 200;
// what hosts do differently (a URL without its trailing slash, a page that does not exist) is
// checked against what that host really does.
import { expect, type Page, test } from '@playwright/test';
import { hosts } from '../playwright.config';
import { collectErrors, settled } from './helpers';

/**
 * Holds the app's wasm back 1.5 s, as on a slow link, and records when each post's own file and
 * Markdown is asked for: what 404.html preloads from the address (shell/address_preload.rs) is
 * asked for long before the app could ask.
 */
async function watchPostFiles(page: Page) {
  let sent = Infinity;
  await page.route('**/*_bg.wasm', async (route) => {
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
        await expect(page.locator('h1.post-title')).toContainText('你好');
        const base = new URL(host.url).pathname.replace(/\/$/, '');
        expect(asked.map((a) => a.path).sort()).toEqual([`${base}/${post}.md`, `${base}/${post}/post.json`]);
        for (const { path, at } of asked) expect(at, path).toBeLessThan(wasmSent());
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
