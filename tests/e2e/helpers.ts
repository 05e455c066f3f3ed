import { expect, type Page } from '@playwright/test';

/** Waits until the app has rendered something other than its loading indicator, and has
 * replaced the shell's first paint (so clicks reach the app, not the static markup). */
export async function settled(page: Page) {
  await expect(page.locator('#folio-prerender')).toHaveCount(0);
  await expect(page.locator('main')).toBeVisible();
  await expect(page.locator('main .loading')).toHaveCount(0);
}

/** Marks the current document so a later check can tell a client-side route change (mark
 * still there) from a full page load (mark gone). */
export async function markDocument(page: Page) {
  await page.evaluate(() => ((window as unknown as { __folioMark: number }).__folioMark = 42));
}

export async function documentIsMarked(page: Page): Promise<boolean> {
  return page.evaluate(() => (window as unknown as { __folioMark?: number }).__folioMark === 42);
}

/** Collects uncaught page errors (panics surface here) so a test can assert there were none. */
export function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error' && !/Failed to load resource/.test(message.text())) {
      errors.push(message.text());
    }
  });
  return errors;
}

/** Records every Content-Security-Policy violation the page reports, from the first byte on:
 * a violation means something the policy blocks reached the page (or the app needs something
 * the policy forbids). Read them with {@link cspViolations}. */
export async function watchCsp(page: Page) {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (event) => {
      seen.push(`${event.violatedDirective} blocked ${event.blockedURI || 'inline'} (${event.sample})`);
    });
  });
}

export async function cspViolations(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? []);
}

/** Refuses every post's page asked for by its file name (`posts/<path>/index.html`), which is
 * how 404.html asks for it: 404.html then has no first paint to show, and the app renders the
 * post alone, as it does a post the build never saw. */
export async function withoutPostPages(page: Page) {
  await page.route('**/posts/**/index.html', (route) => route.fulfill({ status: 404, body: 'Not found' }));
}
