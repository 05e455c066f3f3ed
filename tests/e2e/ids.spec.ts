// A post's ids and names never take the place of the app's own elements or of the document's
// properties (tests/fixtures/xss/posts/38-app-ids.md).
import { expect, test, type Page } from '@playwright/test';
import { sites } from '../playwright.config';
import { collectErrors, documentIsMarked, markDocument, settled } from './helpers';

const site = sites.xss;
const ids = '/posts/38-app-ids/';

/** The whole post is on the page, shown, with the ids of its elements out of the app's way. */
async function expectWholePost(page: Page) {
  const body = page.locator('main .post-body');
  await expect(body).toBeVisible();
  for (const text of [
    "A raw span with the app's id.",
    "A raw block with the first paint's id.",
    "A raw block with the id of the page's main.",
    "A raw paragraph with the lightbox's id.",
    "A raw paragraph with the error box's id.",
    "A raw list with the contents' id.",
    'End of payload 38.',
  ]) {
    await expect(body.getByText(text)).toBeVisible();
  }
  const found = await page.evaluate(() => ({
    // Every element whose id is in the app's namespace, and whether it is the post's.
    appIds: [...document.querySelectorAll('[id^="folio-"]')].map(
      (element) => `${element.id}${element.closest('.post-body') ? ' (in the post)' : ''}`,
    ),
    headings: [...document.querySelectorAll('.post-body h2')].map((h) => h.id),
    // What a clobbered document would answer differently.
    document: [
      typeof document.getElementById,
      typeof document.querySelector,
      typeof document.createElement,
      document.body.localName,
      document.head.localName,
      document.documentElement.localName,
      typeof document.cookie,
      document.defaultView === window,
      document.location === window.location,
    ],
  }));
  expect(found.appIds.filter((id) => id.endsWith('(in the post)'))).toEqual([]);
  expect(found.appIds).toContain('folio-content');
  expect(found.headings).toEqual(['intro', 'post-folio-app', 'post-folio-prerender', 'content', 'far-down']);
  expect(found.document).toEqual(['function', 'function', 'function', 'body', 'head', 'html', 'string', true, true]);
  await expect(page.locator('#folio-app')).not.toHaveAttribute('hidden');
}

test('a post with the app ids renders whole on a hard load of its shell', async ({ page }) => {
  const errors = collectErrors(page);
  const response = await page.goto(`${site}${ids}`);
  expect(response?.status()).toBe(200);
  await settled(page);
  await expectWholePost(page);
  // Its links follow the ids they point at (from the end of the post, far below them).
  const heading = page.locator('h2#post-folio-app');
  await page.getByRole('link', { name: 'to the reserved heading' }).scrollIntoViewIfNeeded();
  await expect(heading).not.toBeInViewport();
  await page.getByRole('link', { name: 'to the reserved heading' }).click();
  await expect(heading).toBeInViewport();
  await expect(page).toHaveURL(`${site}${ids}#post-folio-app`);
  // The lightbox is the app's, whatever element of the post has its id.
  await page.getByRole('img', { name: 'A dot that opens full size' }).click();
  await expect(page.locator('dialog.lightbox')).toBeVisible();
  expect(errors).toEqual([]);
});

test('a post with the app ids renders whole after client-side navigation', async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto(`${site}/`);
  await settled(page);
  await markDocument(page);
  await page.locator('.post-card-title a', { hasText: 'XSS 38' }).click();
  await expect(page).toHaveURL(`${site}${ids}`);
  await expect(page.locator('h1.post-title')).toHaveText("XSS 38: Ids and names that would take the app's place");
  await expectWholePost(page);
  expect(await documentIsMarked(page)).toBe(true);
  expect(errors).toEqual([]);
});

test('deep links to ordinary headings of that post keep working', async ({ page }) => {
  await page.goto(`${site}${ids}#far-down`);
  await settled(page);
  await expect(page.locator('#far-down')).toBeInViewport();
  await expect(page.locator('#far-down')).toHaveText(/^Far down/);
  await page.goto(`${site}${ids}#intro`);
  await settled(page);
  await expect(page.locator('#intro')).toBeInViewport();
});
