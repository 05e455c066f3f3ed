import { defineConfig } from '@playwright/test';

// Debian's Chromium; Playwright's own browser download is never used. The flags keep Chromium
// from reaching for the network at start-up, which stalls on a closed network.
const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Each built site gets a plain static server (see support/server.mjs). */
export const sites = {
  root: 'http://127.0.0.1:4101',
  blog: 'http://127.0.0.1:4102/blog',
  fixture: 'http://127.0.0.1:4103',
  flaky: 'http://127.0.0.1:4104',
  zh: 'http://127.0.0.1:4105',
};

const serve = (root: string, port: number, extra = '') => ({
  command: `node support/server.mjs --root ${root} --port ${port} ${extra}`,
  url: `http://127.0.0.1:${port}${extra.includes('--mount') ? '/blog/' : '/'}`,
  reuseExistingServer: false,
  stdout: 'ignore' as const,
});

export default defineConfig({
  testDir: './e2e',
  outputDir: './.work/results',
  timeout: 30_000,
  expect: { timeout: 10_000 },
  retries: 0,
  workers: 2,
  reporter: [['list']],
  use: {
    browserName: 'chromium',
    headless: true,
    launchOptions: { executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: chromiumArgs },
    trace: 'off',
  },
  webServer: [
    serve('.work/root', 4101),
    serve('.work/blog', 4102, '--mount /blog/'),
    serve('.work/fixture', 4103),
    serve('.work/fixture', 4104, '--fail-first /posts/index.json'),
    serve('.work/zh', 4105),
  ],
});
