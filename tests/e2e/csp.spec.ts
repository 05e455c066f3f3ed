// The Content-Security-Policy of a release build: present in every shell, allowing the app to
// run and blocking anything inline the app did not write.
import { expect, test } from '@playwright/test';
import { sites } from '../playwright.config';
import { collectErrors, cspViolations, settled, watchCsp } from './helpers';

const site = sites.root;

test('every shell carries the policy, before any script', async ({ request }) => {
  for (const path of ['/', '/posts/welcome-to-folio/', '/tags/', '/tags/folio/', '/no-such-page/']) {
    const html = await (await request.get(`${site}${path}`)).text();
    const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html);
    expect(meta, path).not.toBeNull();
    const policy = meta?.[1] ?? '';
    expect(policy).toContain("default-src 'self'");
    expect(policy).toMatch(/script-src 'self' 'wasm-unsafe-eval' 'sha256-[A-Za-z0-9+/]+=*'/);
    expect(policy).toContain("style-src 'self'");
    expect(policy).toContain("img-src 'self' https: http: data:");
    expect(policy).toContain("object-src 'none'; base-uri 'none'; form-action 'none'");
    expect(policy).not.toContain('unsafe-inline');
    expect(policy).not.toMatch(/'unsafe-eval'/);
    expect(html.indexOf('Content-Security-Policy')).toBeLessThan(html.indexOf('<script'));
  }
});

for (const [name, path, ready] of [
  ['home', '/', '.post-card'],
  ['a post', '/posts/welcome-to-folio/', '.post-body table'],
  ['a tag page', '/tags/folio/', '.post-card'],
  ['a not-found page', '/posts/no-such-post/', '.not-found'],
] as const) {
  test(`the app runs under the policy without a violation: ${name}`, async ({ page }) => {
    const errors = collectErrors(page);
    await watchCsp(page);
    await page.goto(`${site}${path}`);
    await settled(page);
    await expect(page.locator(ready).first()).toBeVisible();
    expect(await cspViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
  });
}

test('the policy is enforced: an inline script added at run time does not run', async ({ page }) => {
  await watchCsp(page);
  await page.goto(`${site}/`);
  await settled(page);
  const ran = await page.evaluate(() => {
    const script = document.createElement('script');
    script.textContent = 'window.__inlineRan = 1';
    document.head.append(script);
    const image = document.createElement('img');
    image.setAttribute('onerror', 'window.__inlineRan = 2');
    image.src = 'data:image/png;base64,broken';
    document.body.append(image);
    return new Promise((done) =>
      setTimeout(() => done((window as unknown as { __inlineRan?: number }).__inlineRan), 300),
    );
  });
  expect(ran).toBeUndefined();
  const violations = await cspViolations(page);
  expect(violations.some((v) => v.startsWith('script-src'))).toBe(true);
});

test('table column alignment survives style-src (classes, not style attributes)', async ({ page }) => {
  await watchCsp(page);
  await page.goto(`${sites.fixture}/posts/aligned-table/`);
  const cells = page.locator('.post-body tbody tr').first().locator('td');
  await expect(cells).toHaveCount(3);
  const aligns = await cells.evaluateAll((tds) => tds.map((td) => getComputedStyle(td).textAlign));
  expect(aligns).toEqual(['left', 'center', 'right']);
  expect(await page.locator('.post-body [style]').count()).toBe(0);
  expect(await cspViolations(page)).toEqual([]);
});
