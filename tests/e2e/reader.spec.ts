// The sample blog (public/) built for `/` and served by a plain static server.
import { expect, test } from '@playwright/test';
import { sites } from '../playwright.config';
import { collectErrors, documentIsMarked, markDocument, settled } from './helpers';

const site = sites.root;

test('home lists the newest posts first, with dates, tags and summaries', async ({ page }) => {
  const errors = collectErrors(page);
  const response = await page.goto(`${site}/`);
  expect(response?.status()).toBe(200);
  await settled(page);
  const titles = page.locator('.post-card-title a');
  await expect(titles).toHaveCount(5);
  await expect(titles.nth(0)).toHaveText('Welcome to Folio');
  await expect(titles.nth(1)).toHaveText('你好，世界：用 Folio 写中文博客');
  await expect(titles.nth(2)).toHaveText('Notes on static hosting');
  const first = page.locator('.post-card').first();
  await expect(first.locator('time')).toHaveAttribute('datetime', '2025-11-20T09:30:00+01:00');
  await expect(first.locator('.tags a')).toHaveText(['#folio', '#markdown', '#meta']);
  await expect(first.locator('.post-card-summary')).toContainText('how a post travels');
  await expect(page).toHaveTitle('Folio Notes');
  expect(errors).toEqual([]);
});

test('drafts are left out of a release build', async ({ page }) => {
  await page.goto(`${site}/`);
  await settled(page);
  await expect(page.getByText('Unfinished thoughts')).toHaveCount(0);
  const draft = await page.request.get(`${site}/posts/drafts/unfinished-thoughts/`);
  expect(draft.status()).toBe(404);
  // Nor does its address from before URLs mirrored folders lead anywhere.
  expect((await page.request.get(`${site}/posts/unfinished-thoughts/`)).status()).toBe(404);
});

test('a nested post is at its folder path, and its old one-segment address leads there', async ({ page }) => {
  const post = `${site}/posts/2025/notes-on-static-hosting/`;
  // A hard load of the old address: its page sends the reader on, with no script.
  await page.goto(`${site}/posts/notes-on-static-hosting/`);
  await expect(page).toHaveURL(post);
  await expect(page.getByRole('heading', { level: 1, name: 'Notes on static hosting' })).toBeVisible();
  // A link to the old address inside the app: the post opens and the address becomes its own.
  await page.goto(`${site}/`);
  await settled(page);
  await markDocument(page);
  await page.evaluate(() => {
    const link = document.createElement('a');
    link.href = '/posts/notes-on-static-hosting/';
    link.textContent = 'old address';
    document.querySelector('main')?.append(link);
  });
  await page.getByRole('link', { name: 'old address' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Notes on static hosting' })).toBeVisible();
  await expect(page).toHaveURL(post);
  expect(await documentIsMarked(page)).toBe(true);
});

test('pagination has stable URLs that load directly', async ({ page }) => {
  await page.goto(`${site}/`);
  await settled(page);
  await page.getByRole('link', { name: 'Older posts →' }).click();
  await expect(page).toHaveURL(`${site}/page/2/`);
  await expect(page.locator('.post-card-title a')).toHaveText(['The case for small pages']);
  const response = await page.goto(`${site}/page/2/`);
  expect(response?.status()).toBe(200);
  await expect(page.locator('.post-card-title a')).toHaveText(['The case for small pages']);
  await page.goto(`${site}/page/9/`);
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
});

test('clicking a post routes in the page and renders it', async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto(`${site}/`);
  await settled(page);
  await markDocument(page);
  await page.getByRole('link', { name: 'Welcome to Folio' }).click();
  await expect(page).toHaveURL(`${site}/posts/welcome-to-folio/`);
  await expect(page.locator('h1.post-title')).toHaveText('Welcome to Folio');
  await expect(page.locator('.post-body h2#how-a-post-gets-here')).toBeVisible();
  await expect(page.locator('.post-body table')).toBeVisible();
  expect(await documentIsMarked(page)).toBe(true);
  await expect(page).toHaveTitle('Welcome to Folio · Folio Notes');
  await expect(page.locator('meta[name="description"]')).toHaveAttribute(
    'content',
    /how a post travels/,
  );
  expect(errors).toEqual([]);
});

test('a hard load of a post deep link answers 200 and renders the post', async ({ page }) => {
  const response = await page.goto(`${site}/posts/welcome-to-folio/`);
  expect(response?.status()).toBe(200);
  // The shell alone (before the app runs) already names the post.
  expect(await response?.text()).toContain('<title>Welcome to Folio · Folio Notes</title>');
  await expect(page.locator('h1.post-title')).toHaveText('Welcome to Folio');
  await expect(page.locator('.byline .author')).toHaveText('The Folio team');
  await expect(page.locator('.byline .reading-time')).toHaveText(/\d+ min read/);
  await expect(page.locator('.post-body .alert-tip')).toContainText('Every heading has a link');
  await expect(page.locator('.post-body kbd').first()).toHaveText('Ctrl');
  await expect(page.locator('.post-body .footnotes li')).toHaveCount(1);
});

test('a post URL without its trailing slash still works', async ({ page }) => {
  const response = await page.goto(`${site}/posts/small-pages`);
  expect(response?.status()).toBe(200);
  await expect(page).toHaveURL(`${site}/posts/small-pages/`);
  await expect(page.locator('h1.post-title')).toHaveText('The case for small pages');
});

test('a heading deep link lands on the heading after the post renders', async ({ page }) => {
  await page.setViewportSize({ width: 1000, height: 600 });
  await page.goto(`${site}/posts/welcome-to-folio/#where-to-go-next`);
  const heading = page.locator('#where-to-go-next');
  await expect(heading).toBeVisible();
  await expect(heading).toBeInViewport();
  expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(200);
});

test('a post with a CJK file name and spaces deep-links, CJK heading ids included', async ({ page }) => {
  const url = `${site}/posts/${encodeURIComponent('你好 世界')}/`;
  const response = await page.goto(url);
  expect(response?.status()).toBe(200);
  await expect(page.locator('h1.post-title')).toHaveText('你好，世界：用 Folio 写中文博客');
  await expect(page.locator('.byline time')).toHaveAttribute('datetime', '2025-10-08');
  await expect(page.locator('.post-body h2').first()).toHaveAttribute('id', '标题锚点中文也能深链');
  await page.goto(`${url}#${encodeURIComponent('摘要')}`);
  await expect(page.locator('[id="摘要"]')).toBeInViewport();
});

test('relative images and links resolve against the Markdown file, not the page', async ({ page }) => {
  await page.goto(`${site}/posts/welcome-to-folio/`);
  await settled(page);
  const image = page.locator('.post-body figure img');
  await expect(image).toHaveAttribute('src', '/posts/images/pipeline.svg');
  await expect(image).toHaveAttribute('loading', 'lazy');
  await expect(page.locator('.post-body figcaption')).toHaveText(/nothing in between/);
  // It loads (it is lazy, and the app's element replaces the shell's: it may still be on its way).
  await expect
    .poll(() => image.evaluate((img: HTMLImageElement) => (img.complete ? img.naturalWidth : 0)))
    .toBeGreaterThan(0);
  // A link to another post's .md file becomes a link to that post's page.
  await markDocument(page);
  await page.getByRole('link', { name: 'notes on static hosting' }).click();
  await expect(page).toHaveURL(`${site}/posts/2025/notes-on-static-hosting/#deep-links-without-rewrite-rules`);
  await expect(page.locator('h1.post-title')).toHaveText('Notes on static hosting');
  await expect(page.locator('#deep-links-without-rewrite-rules')).toBeInViewport();
  expect(await documentIsMarked(page)).toBe(true);
  // Nested folder: the TOML post's image sits next to it.
  await expect(page.locator('.post-body img')).toHaveAttribute('src', '/posts/2025/static-hosting.svg');
});

test('tag pages list the posts carrying the tag', async ({ page }) => {
  const response = await page.goto(`${site}/tags/${encodeURIComponent('中文')}/`);
  expect(response?.status()).toBe(200);
  await expect(page.locator('h1.page-title')).toHaveText('#中文');
  await expect(page.locator('.post-card-title a')).toHaveText([
    '你好，世界：用 Folio 写中文博客',
    'How long is a read?',
  ]);
  await page.goto(`${site}/tags/`);
  await settled(page);
  await expect(page.locator('.tag-cloud li').first()).toContainText('#');
  await page.getByRole('link', { name: '#hosting' }).click();
  await expect(page).toHaveURL(`${site}/tags/hosting/`);
  await expect(page.locator('.post-card-title a')).toHaveText(['Notes on static hosting']);
});

test('an unknown post or route shows a real not-found page', async ({ page }) => {
  const missing = await page.goto(`${site}/posts/no-such-post/`);
  expect(missing?.status()).toBe(404);
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
  await expect(page).toHaveTitle(/Page not found/);
  await page.goto(`${site}/no/such/route`);
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
  await settled(page);
  await page.getByRole('link', { name: '← All posts' }).click();
  await expect(page.locator('.post-card')).toHaveCount(5);
});
