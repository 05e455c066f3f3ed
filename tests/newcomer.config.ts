import { defineConfig } from '@playwright/test';
import { CHROMIUM, CHROMIUM_ARGS } from './support/chromium.mjs';

// The README's commands as a newcomer runs them, in a fresh `git clone` of this checkout's HEAD
// (newcomer/*.spec.ts). Its own run, after the other browser tests: the tests compile the clone,
// which would otherwise compete with their page loads for the CPU. No web servers here:
// the tests start `make serve` and a static server themselves, on ports they find free.
export default defineConfig({
  testDir: './newcomer',
  outputDir: './.work/newcomer-results',
  // A clone's first build compiles the app and the CLI; every wait inside is bounded on its own.
  timeout: 30 * 60_000,
  expect: { timeout: 10_000 },
  retries: 0,
  workers: 1,
  reporter: [['list']],
  use: {
    browserName: 'chromium',
    headless: true,
    launchOptions: { executablePath: CHROMIUM, args: CHROMIUM_ARGS },
    trace: 'off',
  },
});
