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
  xss: 'http://127.0.0.1:4105',
  faults: 'http://127.0.0.1:4106',
  notJson: 'http://127.0.0.1:4107',
  newVersion: 'http://127.0.0.1:4108',
  hostileFiles: 'http://127.0.0.1:4109',
  probe: 'http://127.0.0.1:4110',
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
    serve('.work/xss', 4105),
    // Post faults, each for the first request only (so "Try again" can be checked), except 404.
    serve(
      '.work/fixture',
      4106,
      '--status /posts/impossible-date.md=404 --status /posts/empty.md=500@1 ' +
        '--slow /posts/latin1.md=12000@1 --truncate /posts/no-front-matter.md@1',
    ),
    serve('.work/fixture', 4107, '--body /posts/index.json=fixtures/faults/not-json.json'),
    serve('.work/fixture', 4108, '--body /posts/index.json=fixtures/faults/version-99.json'),
    serve('.work/fixture', 4109, '--body /posts/index.json=fixtures/faults/hostile-files.json'),
    serve('.work/probe', 4110),
  ],
});
