import { defineConfig } from '@playwright/test';
import { CHROMIUM, CHROMIUM_ARGS } from './support/chromium.mjs';

// Checkouts sharing one machine can run their browser tests at the same time by giving each a
// different FOLIO_TEST_PORT_OFFSET (e.g. 1000): every port below moves by it.
const offset = Number(process.env.FOLIO_TEST_PORT_OFFSET ?? 0);
const at = (port: number, path = '') => `http://127.0.0.1:${port + offset}${path}`;

/** Each built site gets a plain static server (see support/server.mjs). */
export const sites = {
  root: at(4101),
  blog: at(4102, '/blog'),
  fixture: at(4103),
  flaky: at(4104),
  flakyShell: at(4109),
  zh: at(4110),
  xss: at(4121),
  faults: at(4122),
  notJson: at(4123),
  newVersion: at(4124),
  hostileFiles: at(4125),
  probe: at(4126),
  missingHomePage: at(4127),
  /** The fixture site as a writer's preview (`make build PREVIEW=1`). */
  preview: at(4128),
};

/** Each generator's fixture site after `folio import` and `make build` (imported.spec.ts). */
export const imported = {
  hugo: at(4130),
  jekyll: at(4131),
  hexo: at(4132),
  zola: at(4133),
  vitepress: at(4134),
};

/** The release build served the way different static hosts serve it (hosts.spec.ts; the modes
 * are described in support/server.mjs). */
export const hosts = {
  /** GitHub Pages, Netlify, Cloudflare Pages, an S3 website, nginx: the default server. */
  pages: sites.root,
  /** CloudFront with a function appending /index.html to extensionless URIs: no redirect. */
  slashlessIndex: at(4105),
  /** S3 behind CloudFront, index.html appended only after a slash: `/posts/x` is a miss. */
  slashless404: at(4106),
  /** No error document: a miss is a bare 404. */
  noErrorPage: at(4107),
  /** A GitHub Pages project site: `sites.blog`. */
  subPath: sites.blog,
  /** A sub-path on S3 behind CloudFront. */
  subPath404: at(4108, '/blog'),
};

const serve = (root: string, port: number, extra = '') => ({
  command: `node support/server.mjs --root ${root} --port ${port + offset} ${extra}`,
  url: at(port, extra.includes('--mount') ? '/blog/' : '/'),
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
    launchOptions: { executablePath: CHROMIUM, args: CHROMIUM_ARGS },
    trace: 'off',
  },
  webServer: [
    serve('.work/root', 4101),
    serve('.work/blog', 4102, '--mount /blog/'),
    serve('.work/fixture', 4103),
    serve(
      '.work/fixture',
      4104,
      '--fail-first /posts/pages/tags/not-a-tag/1.json --status /posts/pages/1.json=500@1 --status /posts/empty/post.json=500@1',
    ),
    serve('.work/fixture', 4109, '--fail-first /posts/pages/archive/1.json'),
    serve('.work/zh', 4110),
    // Host models (hosts.spec.ts).
    serve('.work/root', 4105, '--slashless index'),
    serve('.work/root', 4106, '--slashless 404'),
    serve('.work/root', 4107, '--error-page none'),
    serve('.work/blog', 4108, '--mount /blog/ --slashless 404'),
    serve('.work/xss', 4121),
    // Post faults, each for the first request only (so "Try again" can be checked), except 404.
    serve(
      '.work/fixture',
      4122,
      '--status /posts/impossible-date.md=404 --status /posts/empty.md=500@1 ' +
        '--slow /posts/latin1.md=12000@1 --truncate /posts/no-front-matter.md@1 ' +
        '--body /posts/remote-image/post.json=fixtures/faults/not-json.json',
    ),
    // List page files (a tag's, the first home page's, the archive's), all broken the same way.
    ...(
      [
        [4123, 'not-json'],
        [4124, 'version-99'],
      ] as const
    ).map(([port, body]) =>
      serve(
        '.work/fixture',
        port,
        ['tags/not-a-tag/1', '1', 'archive/1']
          .map((page) => `--body /posts/pages/${page}.json=fixtures/faults/${body}.json`)
          .join(' '),
      ),
    ),
    serve(
      '.work/fixture',
      4125,
      '--body /posts/pages/1.json=fixtures/faults/hostile-page.json ' +
        ['parent', 'other-host', 'scheme', 'absolute', 'encoded', 'backslash', 'not-markdown', 'fine']
          .map((slug) => `--body /posts/${slug}/post.json=fixtures/faults/post-data/${slug}.json`)
          .join(' '),
    ),
    serve('.work/probe', 4126),
    serve('.work/preview', 4128),
    ...Object.keys(imported).map((name, i) => serve(`.work/imported-${name}`, 4130 + i)),
    // A deploy that lost the first home page file.
    serve('.work/fixture', 4127, '--status /posts/pages/1.json=404'),
  ],
});
