// Debian's Chromium, started with the flags the browser tests use (tests/support/chromium.mjs).
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS } from '../tests/support/chromium.mjs';

const ARGS = [
  ...CHROMIUM_ARGS,
  // Only loopback resolves: a post's remote images fail at once instead of waiting on a closed
  // network, the same for every page measured, and with no per-request interception to slow
  // loads down (Playwright's routing would add a round trip to each request).
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
];

/** A headless Chromium; each measurement opens its own context, so its cache starts cold. */
export async function launch() {
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
  return { browser, version: browser.version() };
}

/**
 * The slow profile: a 150 ms round trip, 1.6 Mbit/s down and 0.75 up, and a CPU four times
 * slower, through the DevTools protocol (what Lighthouse's mobile throttling does).
 */
export async function throttle(context, page) {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 150,
    downloadThroughput: (1.6e6 / 8),
    uploadThroughput: (0.75e6 / 8),
  });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
}
