// A post written for VitePress (fixtures/content/posts/vitepress-syntax.md) reads as its writer
// meant it, in the app and in the shell's first paint alike: containers, code groups, marked
// lines, `[[toc]]`, prices that are not math, and Vue code shown as nothing, with no notice.
import { expect, test, type Page } from '@playwright/test';
import { sites } from '../playwright.config';
import { collectErrors, settled } from './helpers';

const url = `${sites.fixture}/posts/vitepress-syntax/`;
const title = 'VitePress 的写法，原样读出';

/** The post body's markup as the DOM holds it: elements with sorted attributes, text as is,
 * comments left out, so the app's rendering and the shell's can be compared. */
async function bodyMarkup(page: Page, selector: string): Promise<string> {
  return page.locator(selector).evaluate((root) => {
    const write = (node: Node): string => {
      if (node.nodeType === Node.TEXT_NODE) return (node.textContent ?? '').replace(/&/g, '&amp;').replace(/</g, '&lt;');
      if (node.nodeType !== Node.ELEMENT_NODE) return '';
      const element = node as Element;
      const attributes = [...element.attributes]
        .map((attribute) => `${attribute.name}="${attribute.value}"`)
        .sort()
        .join(' ');
      const inner = [...element.childNodes].map(write).join('');
      return `<${element.localName}${attributes ? ' ' + attributes : ''}>${inner}</${element.localName}>`;
    };
    return [...root.childNodes].map(write).join('');
  });
}

test('a VitePress post shows its containers, code groups and contents, and no Vue', async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto(url);
  await settled(page);
  const body = page.locator('.post-body');

  // Nothing here is wrong for a reader: no notice, and the title once, in the header.
  await expect(page.locator('aside.notice')).toHaveCount(0);
  await expect(page.locator('h1.post-title')).toHaveText(title);
  await expect(body.locator('h1')).toHaveCount(0);
  // The text outside code blocks (which may show all of this as code).
  const prose = await body.evaluate((root) => {
    const copy = root.cloneNode(true) as Element;
    copy.querySelectorAll('pre').forEach((pre) => pre.remove());
    return copy.textContent ?? '';
  });
  for (const vue of ['script', "from 'vue'", 'ref(0)', '.price', '{{', 'Badge', 'MyCounter', '这段组件内容不显示', ':::', '[[toc]]']) {
    expect(prose, vue).not.toContain(vue);
  }

  // Containers, titled in the site's language when they have no title of their own.
  await expect(body.locator('.alert-tip > .alert-title').first()).toHaveText('Tip');
  await expect(body.locator('.alert-info > .alert-title')).toHaveText('信息：自带标题');
  await expect(body.locator('.alert-info li')).toHaveText(['列表', '也行']);
  await expect(body.locator('.alert-danger > .alert-title')).toHaveText('Danger');
  const details = body.locator('details.alert-details');
  await expect(details.locator('> summary')).toHaveText(['Details', '点我展开', '外层详情']);
  await expect(details.first().getByText('没有标题的详情')).toBeHidden();
  await details.first().locator('> summary').click();
  await expect(details.first().getByText('没有标题的详情')).toBeVisible();
  // Nested, in a list item, in a quote.
  await expect(details.nth(2).locator('.alert-tip > .alert-title')).toHaveText('内层提示');
  await expect(body.locator('li .alert-warning > .alert-title')).toHaveText('列表项里');
  await expect(body.locator('blockquote .alert-tip > .alert-title')).toHaveText('引用里的容器');

  // Prices and jQuery stay text; the one formula is math.
  const warning = body.locator('.alert-warning').first();
  await expect(warning).toContainText('价格 $10, 第一年只收到$7');
  await expect(warning).toContainText('$(document).ready() 和 $(window).load()');
  await expect(warning.locator('math')).toHaveCount(0);
  await expect(body.locator('math')).toHaveCount(1);
  await expect(body.locator('.alert-danger math')).toHaveAttribute('alttext', 'x^2');

  // The code group's blocks with their labels, marked lines and numbers.
  const group = body.locator('.code-group');
  await expect(group.locator('.code-title')).toHaveText(['config.js', 'config.ts']);
  await expect(group.locator('.line.highlighted')).toHaveText(["  title: 'Folio',", "export default defineConfig({ title: 'Folio' })"]);
  await expect(group.locator('pre.line-numbers .line')).toHaveCount(2);
  const number = await group
    .locator('pre.line-numbers .line')
    .nth(1)
    .evaluate((line) => getComputedStyle(line, '::before').content);
  expect(number).toBe('counter(line)');
  const highlighted = await group
    .locator('.line.highlighted')
    .first()
    .evaluate((line) => getComputedStyle(line).backgroundColor);
  expect(highlighted).not.toBe('rgba(0, 0, 0, 0)');
  // The notation is no part of the code, or of what the copy button copies.
  await expect(group).not.toContainText('[!code');
  await expect(body.locator('pre code.language-md')).toContainText('::: tip');

  // `[[toc]]`: a link to each h2, in order, each leading to its heading.
  const toc = body.locator('nav.table-of-contents a');
  await expect(toc).toHaveText(['容器', '嵌套与位置', '代码', '旧式 HTML']);
  for (const href of await toc.evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''))) {
    await expect(page.locator(`[id="${decodeURIComponent(href.slice(1))}"]`)).toHaveCount(1);
  }

  // Old presentational HTML, kept where it is safe.
  const center = body.getByText('居中的一行字');
  expect(await center.evaluate((element) => getComputedStyle(element).textAlign)).toBe('center');
  // An `align` attribute aligns as browsers align it (`-webkit-right` in Chromium).
  expect(await body.getByText('靠右的红字').evaluate((element) => getComputedStyle(element).textAlign)).toMatch(/right$/);
  expect(await body.getByText('居中，颜色去掉').evaluate((element) => getComputedStyle(element).textAlign)).toMatch(/center$/);
  expect(await body.getByText('居中，颜色去掉').evaluate((element) => getComputedStyle(element).color)).not.toBe('rgb(255, 0, 0)');
  await expect(body.getByRole('link', { name: '在新标签页打开' })).toHaveAttribute('rel', 'noopener noreferrer');
  await expect(body.locator('p').last()).toHaveText('最后一段。');
  expect(errors).toEqual([]);
});

test("the app renders the post exactly as the shell's first paint does", async ({ browser }) => {
  const still = await browser.newContext({ javaScriptEnabled: false });
  const first = await still.newPage();
  await first.goto(url);
  const shell = await bodyMarkup(first, '#folio-prerender .post-body');
  await still.close();
  expect(shell).toContain('code-group');

  const page = await browser.newPage();
  await page.goto(url);
  await settled(page);
  expect(await bodyMarkup(page, '.post-body')).toBe(shell);
  await page.close();
});
