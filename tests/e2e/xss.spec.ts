// The XSS gallery (tests/fixtures/xss): every post is an attack, as raw HTML, Markdown links,
// autolinks or front matter. Each page must render its text, run no code, and keep nothing
// active in the DOM. The site is a release build, so its Content-Security-Policy would block
// much of this anyway: the DOM checks and the "no CSP violation" check make sure it is the
// sanitizer that stops each attack, not just the policy.
import { existsSync, readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { sites } from '../playwright.config';
import { collectErrors, cspViolations, settled, watchCsp } from './helpers';

const site = sites.xss;
const manifestPath = '.work/xss/posts/index.json';
type Entry = { slug: string; title: string; file: string };
const posts: Entry[] = existsSync(manifestPath)
  ? JSON.parse(readFileSync(manifestPath, 'utf8')).posts
  : [];

/** Everything a payload could have left active in the page. */
async function activeContent(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    const urlAttributes = ['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'poster', 'background', 'cite', 'srcset'];
    for (const element of document.querySelectorAll('*')) {
      for (const attr of element.attributes) {
        const name = attr.name.toLowerCase();
        if (name.startsWith('on')) found.push(`<${element.localName} ${name}>`);
        if (name === 'srcdoc') found.push(`<${element.localName} srcdoc>`);
        // What the browser's URL parser ignores: controls and spaces around, tabs and newlines inside.
        const url = attr.value.replace(/[\u0000-\u0020]/g, '').toLowerCase();
        if (urlAttributes.includes(name) && /^(javascript:|vbscript:|data:text)/.test(url)) {
          found.push(`<${element.localName} ${name}="${attr.value}">`);
        }
      }
    }
    // What posts bring: bodies, titles and summaries (the page around them is Folio's own).
    const content = document.querySelectorAll('main .post-body, main .post-header, main .post-card');
    const inert = 'script, iframe, frame, frameset, object, embed, applet, base, meta, link, style, form, input, button, textarea, select, svg, math, template, noscript, [style]';
    for (const region of content) {
      for (const element of region.querySelectorAll(inert)) {
        // Folio's own controls inside rendered posts: code blocks' copy buttons, task lists' boxes.
        if (element.matches('.code-head > button.copy-code, li > input[type="checkbox"][disabled]')) continue;
        found.push(`<${element.localName}> in the page body`);
      }
    }
    if (document.querySelector('base')) found.push('a <base> element');
    if (document.querySelector('meta[http-equiv="refresh" i]')) found.push('a meta refresh');
    if (document.querySelectorAll('meta[http-equiv="Content-Security-Policy" i]').length !== 1) {
      found.push('not exactly one CSP meta tag');
    }
    // Only the shell's own scripts: in <head>, the theme script that runs before the first
    // paint and a post's JSON-LD data block; Trunk's loader (an inline module), which a shell
    // with a first paint puts at the end of <body>, after the page's content.
    const theme = '(function(){var d=document.documentElement';
    const scripts = [...document.scripts].filter((s) => {
      const parent = s.parentElement?.localName;
      if (s.src) return true;
      if (s.type === 'module') return parent !== 'head' && parent !== 'body';
      if (parent !== 'head') return true;
      if (s.type === 'application/ld+json') return false;
      return !(s.type === '' && s.text.startsWith(theme));
    });
    const modules = [...document.scripts].filter((s) => s.type === 'module').length;
    if (scripts.length !== 0 || modules !== 1) {
      found.push(`scripts: ${[...document.scripts].map((s) => `${s.type}|${s.src}|${s.parentElement?.localName}`).join(', ')}`);
    }
    return found;
  });
}

/** Hovers the post body and waits a moment, so mouse, focus, load and error handlers would fire. */
async function provoke(page: Page) {
  const box = await page.locator('main').boundingBox();
  if (box) {
    for (const [x, y] of [[0.2, 0.2], [0.5, 0.5], [0.8, 0.3], [0.5, 0.9]]) {
      await page.mouse.move(box.x + box.width * x, box.y + Math.min(box.height, 2000) * y);
    }
  }
  await page.waitForTimeout(300);
}

async function expectNoCodeRan(page: Page, dialogs: string[]) {
  const markers = await page.evaluate(() => ({
    xss: (window as unknown as { __xss?: unknown }).__xss === 1,
    title: document.title === 'pwned',
  }));
  expect(markers).toEqual({ xss: false, title: false });
  expect(dialogs).toEqual([]);
}

function watchDialogs(page: Page): string[] {
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  return dialogs;
}

test('the gallery has every payload post', () => {
  expect(posts.length).toBeGreaterThanOrEqual(39);
});

for (const post of posts) {
  test(`payload runs nothing: ${post.file}`, async ({ page }) => {
    const errors = collectErrors(page);
    const dialogs = watchDialogs(page);
    await watchCsp(page);
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    const response = await page.goto(`${site}/posts/${encodeURIComponent(post.slug)}/`);
    expect(response?.status()).toBe(200);
    await settled(page);
    await expect(page.locator('h1.post-title')).toHaveText(post.title);
    await expect(page.locator('.post-body')).toContainText(/End of payload/);
    await provoke(page);
    await expectNoCodeRan(page, dialogs);
    expect(await activeContent(page)).toEqual([]);
    expect(await cspViolations(page)).toEqual([]);
    expect(requests.filter((url) => !url.startsWith(`${site}/`) && !/^https?:\/\/example\.com\//.test(url))).toEqual([]);
    expect(errors).toEqual([]);
  });
}

test('the home page lists every hostile post as plain text', async ({ page }) => {
  const dialogs = watchDialogs(page);
  await watchCsp(page);
  await page.goto(`${site}/`);
  await settled(page);
  await expect(page.locator('.post-card')).toHaveCount(posts.length);
  await expect(page.locator('.post-card-title a', { hasText: '<script>window.__xss=1</script>' })).toHaveCount(1);
  await provoke(page);
  await expectNoCodeRan(page, dialogs);
  expect(await activeContent(page)).toEqual([]);
  expect(await cspViolations(page)).toEqual([]);
});

const hostile = {
  title: '<script>window.__xss=1</script>"><img src=x onerror=window.__xss=1>',
  description: `"><svg onload=window.__xss=1></title><script>document.title='pwned'</script>`,
  tags: ['<b onmouseover=window.__xss=1>bold</b>', '"><script>window.__xss=1</script>'],
  author: '</title><script>window.__xss=1</script>',
};

test('hostile front matter shows as text on the page and in its title', async ({ page }) => {
  const dialogs = watchDialogs(page);
  await watchCsp(page);
  await page.goto(`${site}/posts/hostile-front-matter/`);
  await expect(page.locator('h1.post-title')).toHaveText(hostile.title);
  await expect(page).toHaveTitle(`${hostile.title} · XSS Gallery`);
  await expect(page.locator('.byline .author')).toHaveText(hostile.author);
  await expect(page.locator('.byline .tags a')).toHaveText(hostile.tags.map((tag) => `#${tag}`));
  await expect(page.locator('meta[name="description"]')).toHaveAttribute('content', hostile.description);
  await provoke(page);
  await expectNoCodeRan(page, dialogs);
  expect(await activeContent(page)).toEqual([]);
  expect(await cspViolations(page)).toEqual([]);
  // A tag page names the tag in its heading and title, as text.
  await page.locator('.byline .tags a').first().click();
  await expect(page.locator('h1.page-title')).toHaveText(`#${hostile.tags[0]}`);
  await expect(page).toHaveTitle(`#${hostile.tags[0]} · XSS Gallery`);
  await expectNoCodeRan(page, dialogs);
  expect(await activeContent(page)).toEqual([]);
});

/** What the HTML parser makes of a shell as the server sends it, before any script runs. */
async function parseShell(page: Page, html: string) {
  return page.evaluate((source) => {
    const doc = new DOMParser().parseFromString(source, 'text/html');
    return {
      title: doc.title,
      description: doc.querySelector('meta[name="description"]')?.getAttribute('content') ?? null,
      // Executable scripts: Trunk's loader and the theme script; JSON-LD is data.
      scripts: [...doc.scripts].filter((s) => s.type !== 'application/ld+json').length,
      active: doc.querySelectorAll('img, svg, b, [onerror], [onload], [onmouseover]').length,
    };
  }, html);
}

test('hostile front matter is escaped in the per-post and per-tag shells', async ({ page, request }) => {
  const response = await request.get(`${site}/posts/hostile-front-matter/`);
  expect(response.status()).toBe(200);
  const html = await response.text();
  expect(html).toContain(
    '<title>&lt;script&gt;window.__xss=1&lt;/script&gt;&quot;&gt;&lt;img src=x onerror=window.__xss=1&gt; · XSS Gallery</title>',
  );
  expect(html).not.toContain('<img src=x');
  expect(html).not.toContain('<svg');
  await page.goto(`${site}/`);
  const shell = await parseShell(page, html);
  expect(shell).toEqual({
    title: `${hostile.title} · XSS Gallery`,
    description: hostile.description,
    scripts: 2,
    active: 0,
  });

  const manifest = JSON.parse(await (await request.get(`${site}/posts/index.json`)).text());
  expect(manifest.posts.find((p: Entry) => p.slug === 'hostile-front-matter').tags).toEqual(hostile.tags);
  await page.goto(`${site}/posts/hostile-front-matter/`);
  const tagHref = await page.locator('.byline .tags a').first().getAttribute('href');
  const tagShell = await parseShell(page, await (await request.get(`${site}${tagHref}`)).text());
  expect(tagShell).toEqual({
    title: `#${hostile.tags[0]} · XSS Gallery`,
    description: `Posts tagged ${hostile.tags[0]}`,
    scripts: 2,
    active: 0,
  });
});
