// Backslashes that browsers read as slashes (tests/fixtures/xss/posts/39-backslash-links.md):
// a link they take off the site is an external link like any other, which the app's router
// leaves to the browser.
import { expect, test } from '@playwright/test';
import { sites } from '../playwright.config';
import { settled } from './helpers';

const site = sites.xss;
const backslashes = '/posts/39-backslash-links/';

test('links whose backslashes lead off the site are external links', async ({ page }) => {
  await page.goto(`${site}${backslashes}`);
  await settled(page);
  const links = await page.locator('.post-body a[href]').evaluateAll((anchors) =>
    anchors.map((a) => ({
      text: a.textContent,
      host: new URL((a as HTMLAnchorElement).href).host,
      rel: a.getAttribute('rel'),
    })),
  );
  const here = new URL(site).host;
  const offSite = links.filter((link) => link.host !== here);
  expect(offSite.map((link) => link.text)).toEqual([
    'slash backslash',
    'double backslash',
    'backslash slash',
    'entity-encoded backslash',
    'a tab between',
    'a leading space',
    'Markdown, escaped slash',
  ]);
  for (const link of offSite) {
    expect(link, link.text ?? '').toEqual({ ...link, host: 'evil.example', rel: 'noopener noreferrer' });
  }
  // Written percent-encoded, a Markdown backslash is a character of a path on this site.
  const markdown = page.getByRole('link', { name: 'Markdown, slash backslash' });
  await expect(markdown).toHaveAttribute('href', '/%5Cevil.example/markdown');

  // Clicking one leaves the app for the other site, a full page load, and tells it nothing.
  const referers: (string | undefined)[] = [];
  await page.route('http://evil.example/**', (route) => {
    referers.push(route.request().headers()['referer']);
    return route.fulfill({ contentType: 'text/html', body: '<title>elsewhere</title>' });
  });
  await page.getByRole('link', { name: 'slash backslash', exact: true }).click();
  await expect(page).toHaveURL('http://evil.example/slash-backslash');
  await expect(page).toHaveTitle('elsewhere');
  expect(referers).toEqual([undefined]);
});
