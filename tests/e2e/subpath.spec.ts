// The same sample blog built with PUBLIC_URL=/blog/ and served under /blog/ only.
import { expect, test } from '@playwright/test';
import { sites } from '../playwright.config';
import { collectErrors, documentIsMarked, markDocument, settled } from './helpers';

const site = sites.blog;

test('home, links and assets stay under the sub-path', async ({ page }) => {
  const errors = collectErrors(page);
  const outside: string[] = [];
  page.on('request', (request) => {
    const path = new URL(request.url()).pathname;
    if (!path.startsWith('/blog/')) outside.push(path);
  });
  const response = await page.goto(`${site}/`);
  expect(response?.status()).toBe(200);
  await settled(page);
  await expect(page.locator('.post-card')).toHaveCount(5);
  await expect(page.locator('.post-card-title a').first()).toHaveAttribute(
    'href',
    '/blog/posts/welcome-to-folio/',
  );
  await markDocument(page);
  await page.getByRole('link', { name: 'Welcome to Folio' }).click();
  await expect(page).toHaveURL(`${site}/posts/welcome-to-folio/`);
  await expect(page.locator('h1.post-title')).toHaveText('Welcome to Folio');
  await expect(page.locator('.post-body figure img')).toHaveAttribute('src', '/blog/posts/images/pipeline.svg');
  expect(await documentIsMarked(page)).toBe(true);
  expect(outside).toEqual([]);
  expect(errors).toEqual([]);
});

test('a hard load of a post and a heading under the sub-path', async ({ page }) => {
  const response = await page.goto(`${site}/posts/2025/notes-on-static-hosting/#under-a-sub-path`);
  expect(response?.status()).toBe(200);
  await expect(page.locator('h1.post-title')).toHaveText('Notes on static hosting');
  await expect(page.locator('#under-a-sub-path')).toBeInViewport();
  await settled(page);
  await page.getByRole('link', { name: '← All posts' }).click();
  await expect(page).toHaveURL(`${site}/`);
});

test('a missing post under the sub-path gets the not-found page', async ({ page }) => {
  const response = await page.goto(`${site}/posts/missing/`);
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
});
