// A bad network or a bad host: each failure gets its own message and (unless the post is gone)
// a working "Try again", and the app never panics. The servers (playwright.config.ts) inject
// the faults; most apply to the first request only, so the retry can succeed.
import { expect, test, type Page } from '@playwright/test';
import { sites } from '../playwright.config';
import { collectErrors, settled } from './helpers';

const site = sites.faults;

/** Opens a post the way a reader usually gets there: from the home page, with the post index
 * already loaded, so the fault shows in the app (a hard load of a post URL shows the shell's
 * first paint, which stays when loading fails: see the last test). */
async function openFromHome(page: Page, slug: string) {
  await page.goto(`${site}/`);
  await settled(page);
  // A click event alone: pointing at the link first would prefetch the post and use up the
  // first-request fault before the page asks for it.
  await page.locator(`.post-card-title a[href="/posts/${slug}/"]`).dispatchEvent('click');
  await expect(page).toHaveURL(`${site}/posts/${slug}/`);
}

test('a post whose file is gone (404) gets the not-found page', async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto(`${site}/posts/impossible-date/`);
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Try again' })).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('a server error on a post (500) says so and recovers on retry', async ({ page }) => {
  const errors = collectErrors(page);
  await openFromHome(page, 'empty');
  const alert = page.getByRole('alert');
  await expect(alert.getByRole('heading')).toHaveText('The server could not answer');
  await expect(alert).toContainText('HTTP 500');
  await page.getByRole('button', { name: 'Try again' }).click();
  await expect(page.locator('h1.post-title')).toHaveText('empty');
  expect(errors).toEqual([]);
});

test('a server that goes silent times out with a message, and retry works', async ({ page }) => {
  // The server holds the first answer for 12 s; the app gives up after 10 s of silence.
  test.setTimeout(60_000);
  const errors = collectErrors(page);
  const started = Date.now();
  await openFromHome(page, 'latin1');
  const alert = page.getByRole('alert');
  await expect(alert.getByRole('heading')).toHaveText('The server is not answering', { timeout: 20_000 });
  await expect(alert).toContainText('sent nothing for 10 seconds');
  expect(Date.now() - started).toBeGreaterThanOrEqual(9_500);
  await page.getByRole('button', { name: 'Try again' }).click();
  await expect(page.locator('.post-body')).toContainText('au lait');
  expect(errors).toEqual([]);
});

test('a body cut off half way is reported as such, and retry works', async ({ page }) => {
  const errors = collectErrors(page);
  await openFromHome(page, 'no-front-matter');
  const alert = page.getByRole('alert');
  await expect(alert.getByRole('heading')).toHaveText('The download broke off');
  await expect(alert).toContainText('cut off before the whole file arrived');
  await page.getByRole('button', { name: 'Try again' }).click();
  await expect(page.locator('h1.post-title')).toHaveText('Title from the first heading');
  expect(errors).toEqual([]);
});

// A tag URL no shell answers is rendered by the app from 404.html, which fetches the tag's own
// page file: these servers answer one for `not-a-tag`, broken, so the failure shows.
test('a list page file that is not JSON is bad content, not a network error', async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto(`${sites.notJson}/tags/not-a-tag/`);
  const alert = page.getByRole('alert');
  await expect(alert.getByRole('heading')).toHaveText('This content cannot be read');
  await expect(alert).toContainText('the post index is not valid');
  await expect(page.getByRole('button', { name: 'Try again' })).toBeVisible();
  expect(errors).toEqual([]);
});

test('a list page file from an unknown Folio version says which version', async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto(`${sites.newVersion}/tags/not-a-tag/`);
  const alert = page.getByRole('alert');
  await expect(alert.getByRole('heading')).toHaveText('This content cannot be read');
  await expect(alert).toContainText('format version 99, but this app reads version 1');
  expect(errors).toEqual([]);
});

test('a home page file that is not JSON or from an unknown version says so', async ({ page }) => {
  const errors = collectErrors(page);
  // The home page fetches its own file, never the index: these servers break both.
  const requests: string[] = [];
  page.on('request', (request) => requests.push(new URL(request.url()).pathname));
  for (const [host, message] of [
    [sites.notJson, 'the post index is not valid'],
    [sites.newVersion, 'format version 99, but this app reads version 1'],
  ]) {
    await page.goto(`${host}/page/1/`);
    const alert = page.getByRole('alert');
    await expect(alert.getByRole('heading')).toHaveText('This content cannot be read');
    await expect(alert).toContainText(message);
  }
  expect(requests).toContain('/posts/pages/1.json');
  expect(requests).not.toContain('/posts/index.json');
  expect(errors).toEqual([]);
});

test('a missing first home page file is a broken site, not a missing page', async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto(`${sites.missingHomePage}/page/1/`);
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('HTTP 404');
  await expect(page.getByRole('button', { name: 'Try again' })).toBeVisible();
  expect(errors).toEqual([]);
});

test('a home page past the last one, or not a number, is the not-found page', async ({ page }) => {
  const errors = collectErrors(page);
  for (const path of ['/page/999/', '/page/0/', '/page/two/']) {
    await page.goto(`${sites.fixture}${path}`);
    await settled(page);
    await expect(page.getByRole('heading', { name: 'Page not found' }), path).toBeVisible();
    // The header still names the site (from the first home page's file).
    await expect(page.locator('.site-title'), path).toHaveText('Fixture Site');
    await expect(page, path).toHaveTitle('Page not found · Fixture Site');
  }
  expect(errors).toEqual([]);
});

test('a page with a first paint keeps it when its list page file cannot be read', async ({ page }) => {
  const errors = collectErrors(page);
  const index = page.waitForResponse((r) => r.url().endsWith('/posts/pages/archive/1.json'));
  await page.goto(`${sites.newVersion}/archive/`);
  await index;
  await page.waitForLoadState('networkidle');
  await expect(page.locator('#folio-prerender .archive-list').first()).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);
  expect(errors).toEqual([]);
});

test("a post's own file that is not JSON is bad content, and a post file gone is not found", async ({ page }) => {
  const errors = collectErrors(page);
  await openFromHome(page, 'remote-image');
  const alert = page.getByRole('alert');
  await expect(alert.getByRole('heading')).toHaveText('This content cannot be read');
  await expect(page.getByRole('button', { name: 'Try again' })).toBeVisible();
  // A post the build never listed, with no Markdown either: nothing to read.
  await page.goto(`${site}/posts/not-a-post/`);
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
  expect(errors).toEqual([]);
});
