// The panic hook, tested with a real panic: the probe site is the fixture site built with the
// `panic-probe` feature, which exports `folio_test_panic` (normal builds do not have it).
import { expect, test } from '@playwright/test';
import { sites } from '../playwright.config';
import { cspViolations, settled, watchCsp } from './helpers';

const site = sites.probe;

test('a panic shows a readable error box with a reload link, and is still logged', async ({ page }) => {
  await watchCsp(page);
  const logged: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') logged.push(message.text());
  });
  await page.goto(`${site}/posts/no-front-matter/#section`);
  await settled(page);
  await expect(page.locator('h1.post-title')).toHaveText('Title from the first heading');

  const thrown = await page.evaluate(() => {
    try {
      (window as unknown as { wasmBindings: { folio_test_panic(m: string): void } }).wasmBindings.folio_test_panic(
        'probe: <b>not markup</b>',
      );
      return 'returned';
    } catch (error) {
      return String(error);
    }
  });
  // Release builds abort on panic: the instance traps after the hook ran.
  expect(thrown).toMatch(/unreachable|RuntimeError/);

  const box = page.getByRole('alert');
  await expect(box.getByRole('heading')).toHaveText('This page stopped working');
  await expect(box.locator('pre')).toHaveText(/^probe: <b>not markup<\/b> \(at src\/panic\.rs:\d+:\d+\)$/);
  await expect(box.locator('b')).toHaveCount(0);
  const reload = box.getByRole('link', { name: 'Reload the page' });
  await expect(reload).toBeFocused();
  await expect(reload).toHaveAttribute('href', '/posts/no-front-matter/');
  expect(logged.some((text) => text.includes('probe: <b>not markup</b>'))).toBe(true);
  expect(await cspViolations(page)).toEqual([]);

  // The link needs no script (the app is dead): it loads the page afresh.
  await reload.click();
  await expect(page.locator('h1.post-title')).toHaveText('Title from the first heading');
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('normal builds export no panic trigger', async ({ page }) => {
  await page.goto(`${sites.root}/`);
  await settled(page);
  const exported = await page.evaluate(
    () => typeof (window as unknown as { wasmBindings: Record<string, unknown> }).wasmBindings.folio_test_panic,
  );
  expect(exported).toBe('undefined');
});
