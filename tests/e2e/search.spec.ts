// Search: the header box, the /search/ page, its deep links, highlighting, CJK words found from
// the middle of a sentence, and the keyboard shortcut.
import { existsSync, readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { sites } from '../playwright.config';
import { collectErrors, settled } from './helpers';

const seed = '../../shared/seed/cyber-valentines-funeral.md';
const chinesePost = '../public/posts/你好 世界.md';

/** Title and body of a Markdown file with YAML front matter (simple `title:` line). */
function readPost(path: string) {
  const text = readFileSync(path, 'utf8');
  const [, front, body] = text.match(/^---\n([\s\S]*?)\n---\n([\s\S]*)$/) ?? ['', '', text];
  const title = (front.match(/^title: (.*)$/m)?.[1] ?? '').trim().replace(/^'(.*)'$/, '$1');
  return { title, body };
}

/**
 * A three-character Chinese word from the middle of a sentence of the body: taken from inside a
 * run of Han characters (at least three more on each side), in a plain paragraph, so the
 * post's text has no space or punctuation next to it.
 */
function wordFromTheMiddle(body: string): string {
  for (const line of body.split('\n')) {
    if (/^\s*([#>|!-]|```|\d+\.)/.test(line)) continue;
    for (const run of line.match(/\p{Script=Han}{9,}/gu) ?? []) {
      const chars = [...run];
      const middle = Math.floor(chars.length / 2) - 1;
      return chars.slice(middle, middle + 3).join('');
    }
  }
  throw new Error('no sentence with a long enough run of Han characters');
}

const searchBox = (page: Page) => page.getByRole('searchbox', { name: /Search posts|搜索文章/ });

/** Types into the header's search box key by key, as a reader does. */
async function typeQuery(page: Page, text: string) {
  const box = searchBox(page);
  await box.click();
  await box.press('End');
  await box.pressSequentially(text, { delay: 30 });
}

test('a Chinese word from the middle of a sentence finds the sample post, highlighted', async ({ page }) => {
  const errors = collectErrors(page);
  const post = readPost(chinesePost);
  const word = wordFromTheMiddle(post.body);
  await page.goto(`${sites.root}/`);
  await settled(page);
  await typeQuery(page, word);
  await expect(page).toHaveURL(`${sites.root}/search/?q=${encodeURIComponent(word)}`);
  const result = page.locator('.search-result').filter({ hasText: post.title });
  await expect(result.getByRole('link', { name: post.title })).toBeVisible();
  await expect(result.locator('.search-snippet mark').first()).toHaveText(word);
  expect(errors).toEqual([]);
});

test('a Chinese word from the middle of a sentence of the seed post finds it', async ({ page }) => {
  test.skip(!existsSync(seed), `SKIPPED: ${seed} is absent`);
  const post = readPost(seed);
  const word = wordFromTheMiddle(post.body);
  await page.goto(`${sites.fixture}/`);
  await settled(page);
  await typeQuery(page, word);
  const result = page.locator('.search-result').filter({ hasText: post.title });
  await expect(result.getByRole('link', { name: post.title })).toHaveAttribute(
    'href',
    '/posts/cyber-valentines-funeral/',
  );
  await expect(result.locator('.search-snippet mark').first()).toHaveText(word);
});

test('results follow each keystroke, deleting included', async ({ page }) => {
  await page.goto(`${sites.root}/`);
  await settled(page);
  const titles = page.locator('.search-result .post-card-title');
  await typeQuery(page, 'stat');
  await expect(titles).toContainText(['Notes on static hosting']);
  await searchBox(page).press('x');
  await expect(page.locator('.search-empty')).toHaveText('No posts match “statx”.');
  await expect(page).toHaveURL(/\?q=statx$/);
  await searchBox(page).press('Backspace');
  await expect(titles).toContainText(['Notes on static hosting']);
  await expect(page).toHaveURL(/\?q=stat$/);
  // Still typing in the box: nothing took the focus away.
  await expect(searchBox(page)).toBeFocused();
});

test('a Latin prefix matches whole words, and the match is marked', async ({ page }) => {
  await page.goto(`${sites.root}/search/?q=stat`);
  const result = page.locator('.search-result').filter({ hasText: 'Notes on static hosting' });
  await expect(result.locator('.post-card-title mark')).toHaveText(['static']);
  await expect(result.locator('.search-snippet mark').first()).toHaveText(/^stat/i);
});

test('the search deep link answers 200 and restores the query and its results', async ({ page }) => {
  const errors = collectErrors(page);
  const query = 'Rust 中文';
  const response = await page.goto(`${sites.root}/search/?q=${encodeURIComponent(query)}`);
  expect(response?.status()).toBe(200);
  await expect(searchBox(page)).toHaveValue(query);
  await expect(page).toHaveTitle(`${query} · Search · Folio Notes`);
  const result = page.locator('.search-result').filter({ hasText: readPost(chinesePost).title });
  await expect(result).toHaveCount(1);
  await expect(result.locator('mark').filter({ hasText: /^Rust$/ }).first()).toBeVisible();
  await expect(page.locator('.search-result mark').filter({ hasText: '中文' }).first()).toBeVisible();
  // Back to where the reader came from: the box empties off the search page.
  await page.getByRole('link', { name: 'Archive' }).click();
  await expect(searchBox(page)).toHaveValue('');
  await page.goBack();
  await expect(searchBox(page)).toHaveValue(query);
  expect(errors).toEqual([]);
});

test('results come from the index and their own post files, never from a list of posts', async ({ page }) => {
  const requests: string[] = [];
  // The page's own requests (a service worker's fetch for one is not another).
  page.on('request', (request) => requests.push(new URL(request.url()).pathname));
  await page.goto(`${sites.root}/search/?q=${encodeURIComponent('small pages')}`);
  // The only post on the second home page (five posts a page).
  const result = page.locator('.search-result').filter({ hasText: 'The case for small pages' });
  await expect(result).toHaveCount(1);
  await expect(result.locator('.post-card-title mark').first()).toBeVisible();
  await expect(result.locator('.search-snippet')).toContainText('A page that weighs less');
  expect(requests).toContain('/search/meta.json');
  expect(requests.filter((path) => /^\/search\/shard-[0-9a-f]+-\d+\.json$/.test(path))).toHaveLength(1);
  expect(requests.filter((path) => /^\/search\/docs-[0-9a-f]+-0\.json$/.test(path))).toHaveLength(1);
  expect(requests).toContain('/posts/small-pages/post.json');
  expect(requests).toContain('/posts/small-pages.md');
  expect(requests).not.toContain('/posts/pages/2.json');
  expect(requests).not.toContain('/posts/index.json');
  // Opening the result needs nothing more of the index.
  const before = requests.length;
  await result.locator('.post-card-title a').click();
  await expect(page.locator('h1.post-title')).toHaveText('The case for small pages');
  expect(requests.slice(before).filter((path) => path.endsWith('.json') || path.endsWith('.md'))).toEqual([]);
});

test('a result whose own file is gone is left out, and the others are still shown', async ({ page, browser }) => {
  const query = `${sites.root}/search/?q=markdown`;
  await page.goto(query);
  const results = page.locator('.search-result');
  await expect(page.locator('.page-subtitle')).toBeVisible();
  const all = await results.allInnerTexts();
  expect(all.length).toBeGreaterThanOrEqual(2);
  expect(all.some((text) => text.includes('Welcome to Folio'))).toBe(true);

  // The host lost one post's file (or serves it from an older build). A context of its own: the
  // first page's service worker would answer from its cache.
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const fresh = await context.newPage();
  await fresh.route('**/posts/welcome-to-folio/post.json', (route) => route.fulfill({ status: 404, body: 'gone' }));
  await fresh.goto(query);
  const left = fresh.locator('.search-result');
  await expect(left).toHaveCount(all.length - 1);
  await expect(left.filter({ hasText: 'Welcome to Folio' })).toHaveCount(0);
  const shown = all.length - 1;
  await expect(fresh.locator('.page-subtitle')).toHaveText(shown === 1 ? '1 post found' : `${shown} posts found`);
  await expect(fresh.locator('.notice')).toHaveCount(0);
  await context.close();
});

test('the index is read by a module of its own: loaded by a search alone, from the box\'s focus, once', async ({ page }) => {
  const errors = collectErrors(page);
  const requests: string[] = [];
  page.on('request', (request) => requests.push(new URL(request.url()).pathname));
  const module = () =>
    requests.filter((path) => /^\/extras-search-[0-9a-f]{16}\/folio_extras(?:_bg\.wasm|\.js)$/.test(path));
  // The home page and a post have no use for it.
  await page.goto(`${sites.root}/`);
  await settled(page);
  await page.getByRole('link', { name: 'Notes on static hosting' }).first().click();
  await expect(page.locator('h1.post-title')).toHaveText('Notes on static hosting');
  await page.waitForLoadState('networkidle');
  expect(module()).toEqual([]);
  // The reader puts the caret in the box: the module is on its way before the first key.
  await searchBox(page).focus();
  await expect.poll(() => module().length).toBe(2);
  await typeQuery(page, 'stat');
  const titles = page.locator('.search-result .post-card-title');
  await expect(titles).toContainText(['Notes on static hosting']);
  await searchBox(page).press('x');
  await expect(page.locator('.search-empty')).toHaveText('No posts match “statx”.');
  await searchBox(page).press('Backspace');
  await expect(titles).toContainText(['Notes on static hosting']);
  expect(module()).toHaveLength(2);
  expect(errors).toEqual([]);
});

test('a hard-loaded search page uses what its shell preloads, the module included, query or not', async ({ page }) => {
  const unused: string[] = [];
  page.on('console', (message) => {
    if (message.text().includes('preloaded using link preload but not used')) unused.push(message.text());
  });
  const requests: string[] = [];
  page.on('request', (request) => requests.push(new URL(request.url()).pathname));
  for (const [address, shown] of [
    ['/search/?q=stat', page.locator('.search-result').first()],
    ['/search/', page.locator('.search-hint')],
  ] as const) {
    requests.length = 0;
    await page.goto(`${sites.root}${address}`);
    await expect(shown).toBeVisible();
    await expect(page.locator('.site-title')).toHaveText('Folio Notes');
    // Chromium names a preload nobody used a few seconds after the load event.
    await page.waitForTimeout(3_500);
    const wasm = requests.filter((path) => /^\/extras-search-[0-9a-f]{16}\/folio_extras_bg\.wasm$/.test(path));
    expect(wasm, address).toHaveLength(1);
    const initiators = await page.evaluate(() =>
      performance
        .getEntriesByType('resource')
        .filter((entry) => entry.name.includes('/extras-search-'))
        .map((entry) => (entry as PerformanceResourceTiming).initiatorType),
    );
    // The wasm came from the shell's preload (a link), not from a fetch after the app started.
    expect(initiators, address).toContain('link');
  }
  expect(unused).toEqual([]);
});

test.describe(() => {
  // Without the offline cache's worker, whose fetches the page's routes do not see.
  test.use({ serviceWorkers: 'block' });
  test('a search whose module cannot load says so, and Try again loads it', async ({ page }) => {
    let refuse = true;
    await page.route(/\/extras-search-[0-9a-f]{16}\//, (route) => (refuse ? route.abort() : route.continue()));
    await page.goto(`${sites.root}/search/?q=stat`);
    const retry = page.getByRole('button', { name: 'Try again' });
    await expect(retry).toBeVisible();
    await expect(page.locator('.search-result')).toHaveCount(0);
    refuse = false;
    await retry.click();
    await expect(page.locator('.search-result').filter({ hasText: 'Notes on static hosting' })).toHaveCount(1);
    await expect(retry).toHaveCount(0);
  });
});

test('a query without results says so', async ({ page }) => {
  await page.goto(`${sites.root}/search/?q=${encodeURIComponent('zebra 斑马')}`);
  await expect(page.locator('.search-empty')).toHaveText('No posts match “zebra 斑马”.');
  await expect(page.locator('.search-result')).toHaveCount(0);
  // No result brought the site's configuration: the header still has the site's title.
  await expect(page.locator('.site-title')).toHaveText('Folio Notes');
});

test('an empty search page explains itself', async ({ page }) => {
  const response = await page.goto(`${sites.root}/search/`);
  expect(response?.status()).toBe(200);
  await expect(page.locator('.search-hint')).toContainText('Press / on any page');
  await expect(page.locator('.site-title')).toHaveText('Folio Notes');
});

test('/ focuses the search box, but not while typing in another field', async ({ page }) => {
  await page.goto(`${sites.root}/posts/welcome-to-folio/`);
  await settled(page);
  await page.locator('body').click({ position: { x: 5, y: 300 } });
  await page.keyboard.press('/');
  await expect(searchBox(page)).toBeFocused();
  await expect(searchBox(page)).toHaveValue('');
  // In the box itself `/` is just a character.
  await page.keyboard.type('a/b');
  await expect(searchBox(page)).toHaveValue('a/b');
  // In some other field too.
  await page.goto(`${sites.root}/`);
  await settled(page);
  await page.evaluate(() => {
    const field = document.createElement('textarea');
    field.id = 'other-field';
    document.body.append(field);
    field.focus();
  });
  await page.keyboard.press('/');
  await expect(page.locator('#other-field')).toHaveValue('/');
  await expect(searchBox(page)).not.toBeFocused();
});

test('search works under a sub-path', async ({ page }) => {
  const response = await page.goto(`${sites.blog}/search/?q=static`);
  expect(response?.status()).toBe(200);
  await expect(page.locator('.search-result .post-card-title a').first()).toHaveAttribute(
    'href',
    /^\/blog\/posts\//,
  );
  await typeQuery(page, ' host');
  await expect(page).toHaveURL(`${sites.blog}/search/?q=static%20host`);
});

test('a Chinese site searches in Chinese', async ({ page }) => {
  await page.goto(`${sites.zh}/`);
  await settled(page);
  await expect(searchBox(page)).toHaveAttribute('placeholder', '搜索');
  await typeQuery(page, '鸡蛋');
  await expect(page.locator('.page-subtitle')).toHaveText('找到 1 篇文章');
  await expect(page.locator('.search-result .post-card-title')).toHaveText('春分');
  await searchBox(page).fill('不存在的词');
  await expect(page.locator('.search-empty')).toHaveText('没有与“不存在的词”相关的文章。');
});
