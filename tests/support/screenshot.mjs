// Takes a screenshot of a page as a reader sees it, in Debian's headless Chromium.
//   node support/screenshot.mjs <url> <out.png> [--width 1280] [--height 900] [--dark] [--full]
// Waits until the app has replaced its loading indicator, so the picture shows the content.
import { chromium } from '@playwright/test';
import { CHROMIUM, CHROMIUM_ARGS } from './chromium.mjs';

const [url, out, ...rest] = process.argv.slice(2);
if (!url || !out) {
  console.error('usage: node support/screenshot.mjs <url> <out.png> [--width N] [--height N] [--dark] [--full]');
  process.exit(2);
}
const option = (name, fallback) => {
  const i = rest.indexOf(name);
  return i >= 0 ? Number(rest[i + 1]) : fallback;
};
const browser = await chromium.launch({
  executablePath: CHROMIUM,
  args: CHROMIUM_ARGS,
});
const page = await browser.newPage({
  viewport: { width: option('--width', 1280), height: option('--height', 900) },
  colorScheme: rest.includes('--dark') ? 'dark' : 'light',
  deviceScaleFactor: 1,
});
await page.goto(url);
await page.waitForSelector('main', { timeout: 15000 });
await page.waitForFunction(() => !document.querySelector('main .loading'), null, { timeout: 15000 });
await page.waitForTimeout(300);
await page.screenshot({ path: out, fullPage: rest.includes('--full') });
await browser.close();
console.log(`wrote ${out}`);
