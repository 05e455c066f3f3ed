// What a reader gets around and inside a post: contents, theme, archive, neighbours, Chinese UI.
import { expect, test } from '@playwright/test';
import { sites } from '../playwright.config';
import { collectErrors, settled } from './helpers';

const site = sites.root;

test('the table of contents sits beside a post on wide screens and follows the reader', async ({ page }) => {
  await page.setViewportSize({ width: 1400, height: 700 });
  await page.goto(`${site}/posts/welcome-to-folio/`);
  await settled(page);
  const toc = page.getByRole('navigation', { name: 'Contents' });
  await expect(toc.getByRole('link')).toHaveText([
    'How a post gets here',
    'What you can write',
    'Where to go next',
  ]);
  const tocBox = await toc.boundingBox();
  const bodyBox = await page.locator('.post-body').boundingBox();
  expect(tocBox!.x).toBeGreaterThan(bodyBox!.x + bodyBox!.width);
  // Bring "How a post gets here" near the top: that section is the one being read.
  await page.evaluate(() => {
    const top = document.getElementById('how-a-post-gets-here')!.getBoundingClientRect().top;
    window.scrollBy(0, top - 100);
  });
  await expect(toc.locator('a.active')).toHaveText('How a post gets here');
  // At the very bottom the last section is the one being read, however short it is.
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  await expect(toc.locator('a.active')).toHaveText('Where to go next');
  await page.evaluate(() => window.scrollTo(0, 0));
  await toc.getByRole('link', { name: 'What you can write' }).click();
  await expect(page.locator('#what-you-can-write')).toBeInViewport();
  await expect(toc.locator('a.active')).toHaveText('What you can write');
  await expect(page).toHaveURL(/#what-you-can-write$/);
});

test('on a narrow screen the contents fold away behind a button', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 800 });
  await page.goto(`${site}/posts/welcome-to-folio/`);
  await settled(page);
  const toggle = page.getByRole('button', { name: 'Contents' });
  const list = page.locator('#folio-toc-list');
  await expect(list).toBeHidden();
  await toggle.focus();
  await page.keyboard.press('Enter');
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  await expect(list).toBeVisible();
  await list.getByRole('link', { name: 'Where to go next' }).click();
  await expect(page.locator('#where-to-go-next')).toBeInViewport();
  await expect(list).toBeHidden();
});

test('the theme switch is remembered across reloads without a flash of the other theme', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.addInitScript(() => {
    document.addEventListener('DOMContentLoaded', () => {
      (window as unknown as { __themeAtLoad: string | null }).__themeAtLoad =
        document.documentElement.getAttribute('data-theme');
    });
  });
  await page.goto(`${site}/`);
  await settled(page);
  const lightBg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  await page.getByRole('button', { name: 'Switch to dark theme' }).click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  const darkBg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(darkBg).not.toBe(lightBg);
  await page.reload();
  expect(await page.evaluate(() => (window as unknown as { __themeAtLoad: string }).__themeAtLoad)).toBe('dark');
  await expect(page.getByRole('button', { name: 'Switch to light theme' })).toBeVisible();
  expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe(darkBg);
});

test('the archive groups every post by year, newest first', async ({ page }) => {
  const response = await page.goto(`${site}/archive/`);
  expect(response?.status()).toBe(200);
  await expect(page.locator('.archive-year h2')).toHaveText(['2025']);
  await expect(page.locator('.archive-list li a')).toHaveCount(6);
  await expect(page.locator('.archive-list li a').first()).toHaveText('Welcome to Folio');
  await expect(page.locator('.archive-list li time').first()).toHaveText('11-20');
});

test('a post links to its newer and older neighbours', async ({ page }) => {
  await page.goto(`${site}/posts/2025/notes-on-static-hosting/`);
  await settled(page);
  const nav = page.getByRole('navigation', { name: 'More posts' });
  await expect(nav.locator('.newer .post-nav-title')).toHaveText('你好，世界：用 Folio 写中文博客');
  await expect(nav.locator('.older .post-nav-title')).toHaveText('Writing in Markdown, without the ceremony');
  await nav.locator('.older').click();
  await expect(page.locator('h1.post-title')).toHaveText('Writing in Markdown, without the ceremony');
});

test('clicking an image opens it full size, and Escape closes it', async ({ page }) => {
  await page.goto(`${site}/posts/welcome-to-folio/`);
  await settled(page);
  await page.locator('.post-body figure img').click();
  const dialog = page.locator('dialog.lightbox');
  await expect(dialog).toBeVisible();
  await expect(dialog.locator('img')).toHaveAttribute('src', /\/posts\/images\/pipeline\.svg$/);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
});

test('a zh-CN site speaks Chinese: navigation, dates, reading time, pages, edit link', async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto(`${sites.zh}/`);
  await settled(page);
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  const nav = page.getByRole('navigation', { name: '站点' });
  await expect(nav.getByRole('link')).toHaveText(['文章', '归档', '标签', '关于']);
  await expect(page.locator('.post-card .byline time')).toHaveText('2024年5月20日');
  await expect(page.locator('.post-card .reading-time')).toHaveText('阅读约 1 分钟');
  await expect(page.locator('.page-number')).toHaveText('第 1 页，共 2 页');
  await page.getByRole('link', { name: '较早的文章 →' }).click();
  await expect(page.locator('.post-card-title a')).toHaveText('春分');
  await page.getByRole('link', { name: '春分' }).click();
  await expect(page.getByRole('navigation', { name: '目录' }).getByRole('link')).toHaveText(['吃什么', '做什么']);
  await expect(page.getByRole('link', { name: '编辑此页' })).toHaveAttribute(
    'href',
    'https://example.org/xiaoman/blog/edit/main/posts/chunfen.md',
  );
  await nav.getByRole('link', { name: '关于' }).click();
  await expect(page.locator('h1.post-title')).toHaveText('关于这个站点');
  await page.goto(`${sites.zh}/posts/missing/`);
  await expect(page.getByRole('heading', { name: '页面不存在' })).toBeVisible();
  expect(errors).toEqual([]);
});

test("a tag's posts come a page at a time, each from its own file, in the first paint and in the app", async ({ page }) => {
  // One post a page on this site: the tag 站务 is on two posts, so it has two pages.
  const errors = collectErrors(page);
  const requests: string[] = [];
  page.on('request', (request) => requests.push(decodeURIComponent(new URL(request.url()).pathname)));
  const tag = encodeURIComponent('站务');
  const second = await page.goto(`${sites.zh}/tags/${tag}/page/2/`);
  expect(second?.status()).toBe(200);
  await settled(page);
  await expect(page).toHaveTitle('#站务 · 第 2 页 · 小满的笔记');
  await expect(page.locator('h1.page-title')).toHaveText('#站务');
  await expect(page.locator('.page-subtitle')).toContainText('2 篇文章');
  await expect(page.locator('.post-card-title a')).toHaveText('春分');
  await expect(page.locator('.page-number')).toHaveText('第 2 页，共 2 页');
  await page.getByRole('link', { name: '← 较新的文章' }).click();
  await expect(page).toHaveURL(`${sites.zh}/tags/${tag}/`);
  await expect(page.locator('.post-card-title a')).toHaveText('关于这个站点');
  await expect(page).toHaveTitle('#站务 · 小满的笔记');
  await page.getByRole('link', { name: '较早的文章 →' }).click();
  await expect(page.locator('.post-card-title a')).toHaveText('春分');
  // The tag list and the archive, each from its own file too; never the list of every post.
  await page.getByRole('navigation', { name: '站点' }).getByRole('link', { name: '标签' }).click();
  await expect(page.locator('.tag-cloud li')).toHaveText([/#站务\s*2/, /#节气\s*1/]);
  await page.getByRole('navigation', { name: '站点' }).getByRole('link', { name: '归档' }).click();
  await expect(page.locator('.archive-list a')).toHaveText(['关于这个站点', '春分']);
  expect(requests).toContain('/posts/pages/tags/站务/2.json');
  expect(requests).toContain('/posts/pages/tags/站务/1.json');
  expect(requests).toContain('/posts/pages/tags.json');
  expect(requests).toContain('/posts/pages/archive/1.json');
  expect(requests).not.toContain('/posts/index.json');
  // Past the last page, or not a page number, or a segment that is no tag: not found.
  for (const path of [`/tags/${tag}/page/3/`, `/tags/${tag}/page/0/`, '/tags/.hidden/', '/archive/page/2/']) {
    await page.goto(`${sites.zh}${path}`);
    await expect(page.getByRole('heading', { name: '页面不存在' }), path).toBeVisible();
  }
  expect(errors).toEqual([]);
});

test('a site whose default theme is dark starts dark', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto(`${sites.zh}/`);
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(page.getByRole('button', { name: '切换到浅色主题' })).toBeVisible();
});

test('code is highlighted and its copy button copies it', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto(`${site}/posts/welcome-to-folio/`);
  await settled(page);
  const block = page.locator('.code-block').filter({ hasText: 'fn main' });
  await expect(block.locator('pre[data-lang="rust"] .tok-kw').first()).toHaveText('fn');
  await expect(block.locator('.tok-str').first()).toContainText('Hello from a fenced code block');
  await expect(block.locator('.tok-com').first()).toContainText('Highlighted in the browser');
  const button = block.getByRole('button', { name: 'Copy code' });
  await button.click();
  await expect(button).toHaveText('Copied');
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toContain('fn main() {');
  expect(copied).toContain('println!("{greeting}");');
  await expect(button).toHaveText('Copy', { timeout: 5_000 });
});

test('TeX becomes MathML with its source kept, shortcodes become emoji, bare URLs links', async ({ page }) => {
  await page.goto(`${site}/posts/welcome-to-folio/`);
  await settled(page);
  const inline = page.locator('.post-body math[display="inline"]').first();
  await expect(inline).toHaveAttribute('alttext', 'e^{i\\pi} + 1 = 0');
  await expect(inline.locator('msup')).toHaveCount(1);
  await expect(inline.locator('annotation[encoding="application/x-tex"]')).toHaveText('e^{i\\pi} + 1 = 0');
  await expect(page.locator('.post-body math[display="block"] mfrac')).toHaveCount(1);
  await expect(page.locator('.post-body')).toContainText('Shortcodes such as 🎉 become emoji');
  await expect(page.locator('.post-body a[href="https://commonmark.org"]')).toHaveAttribute('rel', 'noopener noreferrer');
});

test('a Chinese site labels alerts and buttons in Chinese, in the first paint and in the app alike', async ({ request }) => {
  const html = await (await request.get(`${sites.zh}/posts/chunfen/`)).text();
  expect(html).toContain('aria-label="本节链接：吃什么"');
  expect(html).toContain('<p class="alert-title">提示</p>');
  expect(html).toContain('aria-label="复制代码">复制</button>');
});
