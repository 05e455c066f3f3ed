// The app only ever fetches from its own origin, under its posts folder: hostile URLs and
// hostile post files end in the not-found page, and every request of the visit is recorded to
// show that nothing else was asked for.
import { expect, test, type Page } from '@playwright/test';
import { sites } from '../playwright.config';
import { collectErrors, settled } from './helpers';

/** Every URL the page requests from now on, except the page loads the test itself asks for. */
function recordRequests(page: Page): string[] {
  const urls: string[] = [];
  page.on('request', (request) => {
    if (!request.isNavigationRequest()) urls.push(request.url());
  });
  return urls;
}

/** Requests that are neither the page's own files, a post's own file at the URL's own path,
 * nor the post index. */
function unexpected(urls: string[], origin: string): string[] {
  return urls.filter((url) => {
    if (!url.startsWith(`${origin}/`)) return true;
    const path = new URL(url).pathname;
    return path.endsWith('.md') || path.endsWith('.markdown') || /evil|etc|secret/i.test(path.replace(/^\/posts\/[^/]*\/?(post\.json|index\.html)?$/, ''));
  });
}

const site = sites.root;

for (const path of [
  '/posts/..%2f..%2fetc%2fpasswd/',
  '/posts/..%2F..%2Fsecret.md',
  '/posts/%2e%2e%2f%2e%2e%2fsecret/',
  '/posts/%252e%252e%252fsecret/',
  '/posts/https:%2f%2fevil.example/',
  '/posts/https:%2F%2Fevil.example%2Fx.md',
  '/posts/%5c%5cevil.example%5cx/',
  '/posts/javascript:alert(1)/',
  '/posts/%2F%2Fevil.example/',
]) {
  test(`a hostile post URL is a not-found and fetches nothing: ${path}`, async ({ page }) => {
    const errors = collectErrors(page);
    const urls = recordRequests(page);
    await page.goto(`${site}${path}`);
    await settled(page);
    await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
    expect(unexpected(urls, site)).toEqual([]);
    // A post URL never asks for the index of every post.
    expect(urls.filter((url) => url.endsWith('/posts/index.json'))).toEqual([]);
    expect(errors).toEqual([]);
  });
}

test('dot segments the browser folds away never reach outside the site', async ({ page }) => {
  const urls = recordRequests(page);
  // The URL standard reads `%2e%2e` as `..`: this is the home page by the time it is requested.
  await page.goto(`${site}/posts/%2e%2e/`);
  await settled(page);
  expect(new URL(page.url()).pathname).toBe('/');
  await expect(page.locator('.post-card').first()).toBeVisible();
  expect(unexpected(urls, site)).toEqual([]);
});

test("posts' own files whose file paths leave the posts folder get no fetch from the app", async ({ page }) => {
  const errors = collectErrors(page);
  const hostileSite = sites.hostileFiles;
  for (const slug of ['parent', 'other-host', 'scheme', 'absolute', 'encoded', 'backslash', 'not-markdown']) {
    const urls = recordRequests(page);
    await page.goto(`${hostileSite}/posts/${slug}/`);
    await settled(page);
    await expect(page.getByRole('heading', { name: 'Page not found' }), slug).toBeVisible();
    // What the address itself names, `posts/<slug>.md`, 404.html preloads while the app starts
    // (the file a post not yet in the index would have); the entry's hostile path, never.
    const named = `${hostileSite}/posts/${slug}.md`;
    expect(unexpected(urls, hostileSite).filter((url) => url !== named), slug).toEqual([]);
    page.removeAllListeners('request');
  }
  // The one sound entry in the same index still loads.
  const urls = recordRequests(page);
  await page.goto(`${hostileSite}/posts/fine/`);
  await expect(page.locator('.post-body')).toContainText('This post has no front matter at all');
  const markdown = urls.filter((url) => url.endsWith('.md'));
  expect(markdown.length).toBeGreaterThan(0);
  // Its file, and what 404.html guessed from the address (this site has no shells).
  expect(new Set(markdown)).toEqual(
    new Set([`${hostileSite}/posts/no-front-matter.md`, `${hostileSite}/posts/fine.md`]),
  );
  // The app explains in the console why it fetched nothing; the reader only sees a not-found.
  expect(errors).toEqual([]);
});

test('a home page file whose file paths leave the posts folder gets no prefetch from the app', async ({ page }) => {
  const errors = collectErrors(page);
  const hostileSite = sites.hostileFiles;
  const urls = recordRequests(page);
  await page.goto(`${hostileSite}/`);
  await settled(page);
  await expect(page.locator('.home-intro')).toHaveText('A home page file whose file paths try to leave the posts folder.');
  for (const title of ['Parent folder', 'Other host', 'Scheme', 'Absolute', 'Encoded dots', 'Backslash', 'Not Markdown']) {
    await page.getByRole('link', { name: title }).hover();
  }
  const fine = page.waitForRequest((request) => request.url().endsWith('/posts/no-front-matter.md'));
  await page.getByRole('link', { name: 'A fine post' }).hover();
  await fine;
  await page.waitForLoadState('networkidle');
  expect(unexpected(urls, hostileSite).filter((url) => !url.endsWith('/posts/no-front-matter.md'))).toEqual([]);
  expect(errors).toEqual([]);
});
