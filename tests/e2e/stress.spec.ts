// Big and pathological posts (generated at build time by support/generate-stress.mjs): each
// renders in the browser down to its last paragraph, without a crash, a wasm stack overflow
// or a page error.
import { expect, test } from '@playwright/test';
import { sites } from '../playwright.config';
import { collectErrors } from './helpers';

const site = sites.fixture;

for (const name of ['stress-big', 'stress-quotes', 'stress-lists', 'stress-brackets', 'stress-emphasis', 'stress-html']) {
  test(`renders to the last paragraph: ${name}`, async ({ page }) => {
    // Generous for a loaded machine: a hard load currently fetches and renders a post twice.
    test.setTimeout(120_000);
    const errors = collectErrors(page);
    let crashed = false;
    page.on('crash', () => (crashed = true));
    await page.goto(`${site}/posts/${name}/`);
    // The app's own render, not the first paint it replaces (which has the same last paragraph).
    await expect(page.locator('#folio-prerender')).toHaveCount(0, { timeout: 100_000 });
    // The last paragraph as the browser placed it (deep nesting is flattened at 512 levels).
    const last = page.locator('.post-body p:last-of-type').last();
    await expect(last).toHaveText(`Last paragraph of ${name}.`, { timeout: 100_000 });
    await last.scrollIntoViewIfNeeded();
    await expect(last).toBeVisible();
    expect(crashed).toBe(false);
    expect(errors).toEqual([]);
  });
}

test('the home page lists the stress posts with short excerpts', async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto(`${site}/tags/stress/`);
  await expect(page.locator('.post-card')).toHaveCount(6);
  const longest = await page
    .locator('.post-card-summary')
    .evaluateAll((ps) => Math.max(...ps.map((p) => (p.textContent ?? '').length)));
  expect(longest).toBeLessThan(2_000);
  expect(errors).toEqual([]);
});
