// The app's own router (src/router.rs): which links it takes over, history, titles, and a site
// below a base path.
import { expect, test } from '@playwright/test';
import { sites } from '../playwright.config';
import { collectErrors, documentIsMarked, markDocument, settled } from './helpers';

test('links change the page without a load, and Back and Forward follow', async ({ page }) => {
  const errors = collectErrors(page);
  const site = sites.root;
  await page.goto(`${site}/`);
  await settled(page);
  await markDocument(page);
  await page.locator('.post-card-title a', { hasText: 'Notes on static hosting' }).click();
  await expect(page).toHaveURL(`${site}/posts/2025/notes-on-static-hosting/`);
  await expect(page.getByRole('heading', { level: 1, name: 'Notes on static hosting' })).toBeVisible();
  await expect(page).toHaveTitle('Notes on static hosting · Folio Notes');
  await expect(page.locator('head meta[name="description"]')).toHaveCount(1);

  // A tag link on the post: another kind of page.
  await page.locator('.post-header .tags a').first().click();
  await expect(page).toHaveURL(new RegExp(`^${site}/tags/[^/]+/$`));
  await expect(page.locator('.post-card').first()).toBeVisible();

  await page.goBack();
  await expect(page).toHaveURL(`${site}/posts/2025/notes-on-static-hosting/`);
  await expect(page.getByRole('heading', { level: 1, name: 'Notes on static hosting' })).toBeVisible();
  await page.goBack();
  await expect(page).toHaveURL(`${site}/`);
  await expect(page).toHaveTitle('Folio Notes');
  await expect(page.locator('.post-card-title a')).toHaveCount(5);
  // The home page has its description, and only one: the post's went with the post.
  await expect(page.locator('head meta[name="description"]')).toHaveCount(1);
  await page.goForward();
  await expect(page.getByRole('heading', { level: 1, name: 'Notes on static hosting' })).toBeVisible();
  expect(await documentIsMarked(page)).toBe(true);
  expect(errors).toEqual([]);
});

test('from one post to another the page scrolls to the top, and a heading link scrolls to it', async ({ page }) => {
  const site = sites.root;
  await page.setViewportSize({ width: 900, height: 600 });
  await page.goto(`${site}/posts/welcome-to-folio/`);
  await settled(page);
  await markDocument(page);
  // A heading's own anchor: the address gets its fragment, the heading comes into view.
  await page.locator('#where-to-go-next a.anchor').click();
  await expect(page).toHaveURL(`${site}/posts/welcome-to-folio/#where-to-go-next`);
  await expect(page.locator('#where-to-go-next')).toBeInViewport();
  // The next post, from the neighbours at the bottom: a new post, read from its top.
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  const next = page.locator('.post-nav a').first();
  const title = (await next.locator('.post-nav-title').textContent())?.trim() ?? '';
  await next.click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBe(0);
  expect(await documentIsMarked(page)).toBe(true);
});

test('links the router leaves to the browser: other sites, downloads, rel=external, outside the base path', async ({ page }) => {
  const site = sites.blog;
  await page.goto(`${site}/`);
  await settled(page);
  const add = (href: string, text: string, attributes: Record<string, string> = {}) =>
    page.evaluate(
      ({ href, text, attributes }) => {
        const link = document.createElement('a');
        link.href = href;
        link.textContent = text;
        for (const [name, value] of Object.entries(attributes)) link.setAttribute(name, value);
        document.querySelector('main')?.prepend(link);
      },
      { href, text, attributes },
    );
  const origin = new URL(site).origin;

  // Outside the base path (/blog/): a real page load of that address.
  await markDocument(page);
  await add(`${origin}/elsewhere/`, 'outside');
  await page.getByRole('link', { name: 'outside' }).click();
  await expect(page).toHaveURL(`${origin}/elsewhere/`);
  expect(await documentIsMarked(page)).toBe(false);

  // rel=external to a page of the site: the browser loads it.
  await page.goto(`${site}/`);
  await settled(page);
  await markDocument(page);
  await add(`${site}/archive/`, 'external archive', { rel: 'nofollow external' });
  await page.getByRole('link', { name: 'external archive' }).click();
  await expect(page).toHaveURL(`${site}/archive/`);
  await settled(page);
  expect(await documentIsMarked(page)).toBe(false);

  // A file of the site (the feed), linked from a page as a site's navigation may: the browser
  // loads the file itself.
  await page.goto(`${site}/`);
  await settled(page);
  await markDocument(page);
  await add(`${site}/feed.xml`, 'the feed');
  await page.getByRole('link', { name: 'the feed' }).click();
  await expect(page).toHaveURL(`${site}/feed.xml`);
  expect(await documentIsMarked(page)).toBe(false);

  // The same address as a plain link: the router shows it.
  await page.goto(`${site}/`);
  await settled(page);
  await markDocument(page);
  await add(`${site}/tags/`, 'plain tags');
  await page.getByRole('link', { name: 'plain tags' }).click();
  await expect(page).toHaveURL(`${site}/tags/`);
  await expect(page).toHaveTitle(/^Tags · /);
  expect(await documentIsMarked(page)).toBe(true);
});

test('the skip link moves the focus to the page, as a fragment link does without an app', async ({ page }) => {
  const site = sites.root;
  await page.goto(`${site}/posts/welcome-to-folio/`);
  await settled(page);
  await markDocument(page);
  await page.keyboard.press('Tab');
  await expect(page.locator('.skip-link')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('main')).toBeFocused();
  await expect(page).toHaveURL(`${site}/posts/welcome-to-folio/#folio-content`);
  // The router heard of it: going to another page and back still works.
  await page.locator('.post-footer-links a').first().click();
  await expect(page.locator('.post-card').first()).toBeVisible();
  await page.goBack();
  await expect(page).toHaveURL(`${site}/posts/welcome-to-folio/#folio-content`);
  await expect(page.getByRole('heading', { level: 1, name: 'Welcome to Folio' })).toBeVisible();
  expect(await documentIsMarked(page)).toBe(true);
});
