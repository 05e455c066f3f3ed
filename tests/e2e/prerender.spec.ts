// Shells carry each page's first paint: readable without JavaScript, and replaced by the app's
// own rendering of the same page without anything moving.
import { expect, test, type Page } from '@playwright/test';
import { sites } from '../playwright.config';
import { collectErrors } from './helpers';

const site = sites.root;
const pages = [
  '/',
  '/page/2/',
  '/posts/welcome-to-folio/',
  `/posts/${encodeURIComponent('你好 世界')}/`,
  '/posts/2025/notes-on-static-hosting/',
  '/tags/',
  '/tags/markdown/',
  '/archive/',
].map((path) => ({ base: site, path }));
// One post a page on the Chinese site: the second page of a tag, with its page links.
pages.push({ base: sites.zh, path: `/tags/${encodeURIComponent('站务')}/page/2/` });
// Named character references: the build expands them from pulldown-cmark's table, the app's
// wasm (which leaves the table out) through the page's HTML parser (crates/folio-entities).
pages.push({ base: sites.fixture, path: '/posts/character-references/' });

/** The markup of the page's frame (skip link, header, main, footer) as the DOM holds it, in a
 * form two renderings can be compared in: elements with their attributes sorted, text with
 * adjacent nodes joined, comments (Leptos's server-rendering markers, `<!-- more -->`) left out,
 * and an empty `class` counted as none (the two renderers write "no class" either way). */
async function frameMarkup(page: Page): Promise<string> {
  return page.evaluate(() => {
    const write = (node: Node): string => {
      if (node.nodeType === Node.TEXT_NODE) return (node.textContent ?? '').replace(/&/g, '&amp;').replace(/</g, '&lt;');
      if (node.nodeType !== Node.ELEMENT_NODE) return '';
      const element = node as Element;
      const attributes = [...element.attributes]
        .filter((attribute) => !(attribute.name === 'class' && attribute.value === ''))
        .map((attribute) => `${attribute.name}="${attribute.value.replace(/"/g, '&quot;')}"`)
        .sort()
        .join(' ');
      const tag = element.localName;
      const inner = [...element.childNodes].map(write).join('');
      return `<${tag}${attributes ? ' ' + attributes : ''}>${inner}</${tag}>`;
    };
    return ['.skip-link', 'header.site-header', 'main', 'footer.site-footer']
      .map((selector) => {
        const found = document.querySelectorAll(selector);
        if (found.length !== 1) return `${selector}: ${found.length} elements`;
        return write(found[0]);
      })
      .join('\n');
  });
}

/** The visible text of <main>, whitespace normalized. */
async function mainText(page: Page) {
  return (await page.locator('main').innerText()).replace(/\s+/g, ' ').trim();
}

test('without JavaScript, a post shell holds the article, its meta tags and Open Graph', async ({ request }) => {
  const response = await request.get(`${site}/posts/welcome-to-folio/`);
  expect(response.status()).toBe(200);
  const html = await response.text();
  for (const needle of [
    '<title>Welcome to Folio · Folio Notes</title>',
    '<meta name="description" content="What Folio is, how a post travels',
    '<meta property="og:title" content="Welcome to Folio">',
    '<meta property="og:type" content="article">',
    '<meta property="og:url" content="https://folio-notes.example/posts/welcome-to-folio/">',
    '<meta property="og:image" content="https://folio-notes.example/posts/images/pipeline.svg">',
    '<meta property="article:published_time" content="2025-11-20T09:30:00+01:00">',
    '<link rel="canonical" href="https://folio-notes.example/posts/welcome-to-folio/">',
    '"@type":"BlogPosting"',
    '<h1 class="post-title">Welcome to Folio</h1>',
    'Because the post is fetched as it was written, publishing is copying a file.',
  ]) {
    expect(html, needle).toContain(needle);
  }
});

test.describe('with JavaScript disabled', () => {
  test.use({ javaScriptEnabled: false });

  test('posts, lists, tags and the archive are readable', async ({ page }) => {
    await page.goto(`${site}/posts/welcome-to-folio/`);
    await expect(page.locator('h1.post-title')).toHaveText('Welcome to Folio');
    await expect(page.locator('.post-body table')).toBeVisible();
    await expect(page.locator('.byline time')).toHaveText('November 20, 2025');
    await page.goto(`${site}/`);
    await expect(page.locator('.post-card')).toHaveCount(5);
    await page.getByRole('link', { name: 'Older posts →' }).click();
    await expect(page.locator('.post-card-title a')).toHaveText(['The case for small pages']);
    await page.goto(`${site}/tags/${encodeURIComponent('中文')}/`);
    await expect(page.locator('.post-card')).toHaveCount(2);
    await page.goto(`${site}/archive/`);
    await expect(page.locator('.archive-list li')).toHaveCount(6);
  });
});

for (const { base, path } of pages) {
  test(`the app renders ${base === site ? '' : `${base} `}${decodeURIComponent(path)} exactly as its first paint, with no layout shift`, async ({ browser }) => {
    const plain = await browser.newPage({ javaScriptEnabled: false });
    await plain.goto(`${base}${path}`);
    const firstPaint = await mainText(plain);
    const firstMarkup = await frameMarkup(plain);
    const firstBoxes = await plain.locator('main h1, main h2').evaluateAll((els) =>
      els.map((el) => el.getBoundingClientRect().toJSON()),
    );
    await plain.close();

    const page = await browser.newPage();
    const errors = collectErrors(page);
    await page.addInitScript(() => {
      (window as unknown as { __shift: number }).__shift = 0;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries() as unknown as { value: number; hadRecentInput: boolean }[]) {
          if (!entry.hadRecentInput) (window as unknown as { __shift: number }).__shift += entry.value;
        }
      }).observe({ type: 'layout-shift', buffered: true });
    });
    await page.goto(`${base}${path}`);
    await expect(page.locator('#folio-prerender')).toHaveCount(0);
    await expect(page.locator('#folio-app')).toBeVisible();
    expect(await mainText(page)).toBe(firstPaint);
    // Not only the same text: the same elements, attributes and text, from the same views.
    expect(await frameMarkup(page)).toBe(firstMarkup);
    const appBoxes = await page.locator('main h1, main h2').evaluateAll((els) =>
      els.map((el) => el.getBoundingClientRect().toJSON()),
    );
    expect(appBoxes).toEqual(firstBoxes);
    expect(await page.evaluate(() => (window as unknown as { __shift: number }).__shift)).toBeLessThan(0.001);
    expect(errors).toEqual([]);
    await page.close();
  });
}

test('the app expands named character references as the build does, and only whole ones', async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto(`${sites.fixture}/posts/character-references/`);
  // The shell's first paint (the build's render) is gone: what shows is the app's own.
  await expect(page.locator('#folio-prerender')).toHaveCount(0);
  const body = page.locator('.post-body');
  await expect(body).toContainText('© 2026, Fish & Chips, 3 < 4 > 2, "quoted", a\u00a0b, wait… — half is ½, café, © in capitals.');
  await expect(body).toContainText('(≧̸, ≂̸) or to one beyond the BMP (𝔄, 𝕫)');
  await expect(body).toContainText('stay as written: &nosuch;, &xyzzy;, &Copy;');
  await expect(body).toContainText('&notit; is not ¬ followed by it;, and &ampx; is not &x;');
  await expect(body).toContainText('Numbers never needed the table: © 中文 \ufffd 😀.');
  await expect(page.locator('.post-body h2')).toContainText('Café & 中文…');
  await expect(page.locator('.post-body p code')).toHaveText(['it;', '&x;', '&copy; &amp;']);
  await expect(page.locator('.post-body pre code')).toHaveText('&copy; &#169;\n');
  await expect(page.locator('.post-body a[title="title © 2026"]')).toHaveAttribute('href', 'https://example.org/?a=1&b=2');
  await expect(page.locator('.post-body td')).toHaveText(['copy', '©', 'ngE', '≧̸']);
  expect(errors).toEqual([]);
});

test('a heading deep link on a shell lands on the heading before and after the app starts', async ({ page }) => {
  await page.setViewportSize({ width: 1000, height: 600 });
  await page.goto(`${site}/posts/welcome-to-folio/#where-to-go-next`);
  await expect(page.locator('#folio-prerender')).toHaveCount(0);
  await expect(page.locator('#where-to-go-next')).toBeInViewport();
});

test('the bare app shell (404.html) has no first paint and renders at run time', async ({ page }) => {
  const html = await (await page.request.get(`${site}/no/such/page`)).text();
  // Its script may paint a post's own page, or a post it renders into the empty post page its
  // template holds (hosts.spec.ts); its markup has no first paint outside that template.
  const template = /<template id="folio-unindexed"[^>]*>[\s\S]*?<\/template>/;
  expect(html).toMatch(template);
  expect(html.replace(template, '')).not.toContain('id="folio-prerender"');
  await page.goto(`${site}/no/such/page`);
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
});
