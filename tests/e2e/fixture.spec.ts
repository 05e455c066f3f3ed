// A site built with CONTENT= from tests/fixtures/content: broken and unusual posts, plus the
// seed post from ../shared when it is there.
import { existsSync, readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { sites } from '../playwright.config';
import { collectErrors, settled } from './helpers';

const site = sites.fixture;

test('broken posts stay in the index under a usable title', async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto(`${site}/`);
  await settled(page);
  const titles = page.locator('.post-card-title a');
  await expect(titles.filter({ hasText: 'broken-front-matter' })).toHaveCount(1);
  await expect(titles.filter({ hasText: 'A post from the thirteenth month' })).toHaveCount(1);
  await expect(titles.filter({ hasText: 'Title from the first heading' })).toHaveCount(1);
  await expect(titles.filter({ hasText: 'unclosed-fence' })).toHaveCount(1);
  await expect(titles.filter({ hasText: 'Latin-1 bytes' })).toHaveCount(1);
  expect(errors).toEqual([]);
});

test('a published post with broken front matter renders its body, and readers see no notice', async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto(`${site}/posts/broken-front-matter/`);
  await settled(page);
  await expect(page.locator('.post-body')).toContainText('still reaches the reader');
  await expect(page.locator('aside.notice')).toHaveCount(0);
  const shell = await (await page.request.get(`${site}/posts/broken-front-matter/`)).text();
  expect(shell).not.toContain('notice-');
  expect(errors).toEqual([]);
});

test('in a preview, a post with broken front matter has a notice saying what is wrong', async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto(`${sites.preview}/posts/broken-front-matter/`);
  await settled(page);
  await expect(page.locator('.post-body')).toContainText('still reaches the reader');
  const notice = page.locator('aside.notice');
  await expect(notice).toBeVisible();
  await expect(notice).toContainText('Line ');
  expect(errors).toEqual([]);
});

test('in a preview, an impossible date is reported and the rest of the post is fine', async ({ page }) => {
  await page.goto(`${sites.preview}/posts/impossible-date/`);
  await settled(page);
  await expect(page.locator('h1.post-title')).toHaveText('A post from the thirteenth month');
  await expect(page.locator('aside.notice')).toContainText('2021-13-45');
  await expect(page.locator('.post-body')).toContainText('the title and this body are fine');
});

test('in a preview, an unclosed front matter fence loses nothing', async ({ page }) => {
  await page.goto(`${sites.preview}/posts/unclosed-fence/`);
  await settled(page);
  await expect(page.locator('aside.notice')).toContainText('never closed');
  await expect(page.locator('.post-body')).toContainText('nothing may be lost');
});

test('an empty post and a non-UTF-8 post still get pages', async ({ page }) => {
  const empty = await page.goto(`${site}/posts/empty/`);
  await settled(page);
  expect(empty?.status()).toBe(200);
  await expect(page.locator('h1.post-title')).toHaveText('empty');
  await page.goto(`${site}/posts/latin1/`);
  await settled(page);
  await expect(page.locator('.post-body')).toContainText('au lait');
});

test('an unreachable remote image never holds back the text', async ({ page }) => {
  await page.goto(`${site}/posts/remote-image/`);
  await settled(page);
  await expect(page.locator('.post-body')).toContainText('must render at once');
  const image = page.locator('.post-body img');
  await expect(image).toHaveAttribute('alt', 'An image that never arrives');
  const box = await page.locator('.post-body').boundingBox();
  expect(box?.width).toBeGreaterThan(200);
});

test('duplicate CJK headings get distinct ids', async ({ page }) => {
  await page.goto(`${site}/posts/${encodeURIComponent('空格 与 中文')}/`);
  await settled(page);
  await expect(page.locator('.post-body h2')).toHaveCount(2);
  const ids = await page.locator('.post-body h2').evaluateAll((hs) => hs.map((h) => h.id));
  expect(new Set(ids).size).toBe(2);
  expect(ids[0]).toBe('第一节开始');
});

// The app's own requests only: a service worker installing meanwhile (its precache asks for
// posts/pages/1.json) could take the one failure meant for the app.
test.describe('without the service worker', () => {
  test.use({ serviceWorkers: 'block' });

  test('a failed home page load says what went wrong and recovers on retry', async ({ page }) => {
    // This server answers the first request for posts/pages/1.json with HTTP 500. /page/1/ has
    // no shell of its own, so the app renders it from scratch (from 404.html, which preloads
    // nothing), as any URL without a first paint.
    await page.goto(`${sites.flaky}/page/1/`);
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('HTTP 500');
    await page.getByRole('button', { name: 'Try again' }).click();
    await expect(page.locator('.post-card').first()).toBeVisible();
  });

  test("a failed load of a tag's page file says what went wrong and recovers on retry", async ({ page }) => {
    // The same server answers the first request for this tag's page file with HTTP 500. A tag
    // URL no shell answers has no first paint: the app renders it from its file, which, asked
    // again, is not there (no such tag).
    await page.goto(`${sites.flaky}/tags/not-a-tag/`);
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('HTTP 500');
    await page.getByRole('button', { name: 'Try again' }).click();
    await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
  });

  test("a failed load of a post's own file says what went wrong and recovers on retry", async ({ page }) => {
    // The same server answers the first request for posts/empty/post.json with HTTP 500; the URL
    // without its slash has no shell, so the app renders the post from scratch.
    // The home page's own first failure belongs to the test above; should this test run first,
    // it takes that failure and recovers from it too.
    await page.goto(`${sites.flaky}/page/1/`);
    const card = page.locator('.post-card-title a[href="/posts/empty/"]');
    const retry = page.getByRole('button', { name: 'Try again' });
    await expect(card.or(retry)).toBeVisible();
    if (await retry.isVisible()) await retry.click();
    await card.dispatchEvent('click');
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('HTTP 500');
    await page.getByRole('button', { name: 'Try again' }).click();
    await expect(page.locator('h1.post-title')).toHaveText('empty');
  });
});

test('when its page file fails, a page with a first paint keeps showing it', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  const index = page.waitForResponse((r) => r.url().endsWith('/posts/pages/archive/1.json'));
  await page.goto(`${sites.flakyShell}/archive/`);
  expect((await index).status()).toBe(500);
  await expect(page.locator('#folio-prerender .archive-list').first()).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);
  expect(errors).toEqual([]);
});

const seed = '../../shared/seed/cyber-valentines-funeral.md';

/** The seed's front-matter fields, read from the file (simple `key: value` and `- item` lines). */
function seedFacts() {
  const text = readFileSync(seed, 'utf8');
  const front = text.split('\n---\n')[0];
  const field = (key: string) =>
    (front.match(new RegExp(`^${key}: (.*)$`, 'm'))?.[1] ?? '').trim().replace(/^'(.*)'$/, '$1');
  const tags = [...front.slice(front.indexOf('tags:')).matchAll(/^ {2}- (.*)$/gm)].map((m) => m[1].trim());
  const lines = text.trim().split('\n');
  return { title: field('title'), date: field('date'), author: field('author'), tags, last: lines[lines.length - 1].trim() };
}

test('the seed post renders its title, date, tags and last paragraph', async ({ page }) => {
  test.skip(!existsSync(seed), `SKIPPED: ${seed} is absent`);
  const facts = seedFacts();
  expect(facts.tags.length).toBeGreaterThan(0);
  const errors = collectErrors(page);
  const response = await page.goto(`${site}/posts/cyber-valentines-funeral/`);
  await settled(page);
  expect(response?.status()).toBe(200);
  await expect(page.locator('h1.post-title')).toHaveText(facts.title);
  await expect(page).toHaveTitle(`${facts.title} · Fixture Site`);
  await expect(page.locator('.byline time').first()).toHaveAttribute('datetime', facts.date);
  await expect(page.locator('.byline .tags a')).toHaveText(facts.tags.map((tag) => `#${tag}`));
  await expect(page.locator('.byline .author')).toHaveText(facts.author);
  // The body repeats the title as "# …"; the page shows it once.
  await expect(page.locator('.post-body h1')).toHaveCount(0);
  await expect(page.locator('.post-body > p').last()).toHaveText(facts.last);
  expect(errors).toEqual([]);
});
