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
  flakyShell: 'http://127.0.0.1:4109',
  zh: 'http://127.0.0.1:4110',
};

/** The release build served the way different static hosts serve it (hosts.spec.ts; the modes
 * are described in support/server.mjs). */
export const hosts = {
  /** GitHub Pages, Netlify, Cloudflare Pages, an S3 website, nginx: the default server. */
  pages: sites.root,
  /** CloudFront with a function appending /index.html to extensionless URIs: no redirect. */
  slashlessIndex: 'http://127.0.0.1:4105',
  /** S3 behind CloudFront, index.html appended only after a slash: `/posts/x` is a miss. */
  slashless404: 'http://127.0.0.1:4106',
  /** No error document: a miss is a bare 404. */
  noErrorPage: 'http://127.0.0.1:4107',
  /** A GitHub Pages project site: `sites.blog`. */
  subPath: sites.blog,
  /** A sub-path on S3 behind CloudFront. */
  subPath404: 'http://127.0.0.1:4108/blog',
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
    serve('.work/fixture', 4109, '--fail-first /posts/index.json'),
    serve('.work/zh', 4110),
    // Host models (hosts.spec.ts).
    serve('.work/root', 4105, '--slashless index'),
    serve('.work/root', 4106, '--slashless 404'),
    serve('.work/root', 4107, '--error-page none'),
    serve('.work/blog', 4108, '--mount /blog/ --slashless 404'),
  ],
});
