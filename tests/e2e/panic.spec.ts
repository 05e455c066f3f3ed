// The panic box, tested with a real panic: the probe site is the fixture site built with the
// `panic-probe` feature, which exports `folio_test_panic` (normal builds do not have it). Like
// every release build, its panics trap at once without a message (src/panic.rs): the box comes
// from the page's script, which sees the trap as an uncaught WebAssembly.RuntimeError.
import { expect, test } from '@playwright/test';
import { sites } from '../playwright.config';
import { cspViolations, settled, watchCsp } from './helpers';

const site = sites.probe;

test('a panic shows a readable error box with a reload link, and the trap is reported', async ({ page }) => {
  await watchCsp(page);
  await page.goto(`${site}/posts/no-front-matter/#section`);
  await settled(page);
  await expect(page.locator('h1.post-title')).toHaveText('Title from the first heading');

  // From a timer, as from any event handler: nothing catches the trap but the page.
  const reported = page.waitForEvent('pageerror');
  await page.evaluate(() => {
    const probe = (window as unknown as { wasmBindings: { folio_test_panic(m: string): void } }).wasmBindings;
    setTimeout(() => probe.folio_test_panic('probe: <b>not markup</b>'));
  });
  expect(String(await reported)).toMatch(/RuntimeError: unreachable/);

  const box = page.getByRole('alert');
  await expect(box.getByRole('heading')).toHaveText('This page stopped working');
  await expect(box.locator('pre')).toHaveText(
    /^RuntimeError: unreachable[^(]* \(release builds leave the panic's message out; make serve shows it\)$/,
  );
  await expect(box).not.toContainText('probe');
  const reload = box.getByRole('link', { name: 'Reload the page' });
  await expect(reload).toBeFocused();
  await expect(reload).toHaveAttribute('href', '/posts/no-front-matter/');
  await expect(page.locator('.panic-box')).toHaveCount(1);
  expect(await cspViolations(page)).toEqual([]);

  // A second failure adds no second box.
  const again = page.waitForEvent('pageerror');
  await page.evaluate(() => {
    const probe = (window as unknown as { wasmBindings: { folio_test_panic(m: string): void } }).wasmBindings;
    setTimeout(() => probe.folio_test_panic('again'));
  });
  expect(String(await again)).toMatch(/RuntimeError/);
  await expect(page.locator('.panic-box')).toHaveCount(1);

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
