// The README's first commands, run as a newcomer runs them: in a fresh clone, with nothing built.
// `make serve` must start, show the sample blog and pick up a new post by itself; `make build`
// must write a dist/ that a plain static server serves as a working site.
//
// One clone for both, as a newcomer has one: `make serve` first, then `make build` once
// `git clean` has taken the clone back to what `git clone` wrote (every file the serve test or
// `make serve` wrote is gone, so the build finds nothing the first command left behind). Its
// own `folio` command, compiled by the first, is not compiled again by the second: a second
// clone at another path cost the run about a minute on 2 cores.
import { expect, test } from '@playwright/test';
import { collectErrors } from '../e2e/helpers';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Group, freePort, freshClone, listening, run, waitFor200 } from './clone';

test.describe.configure({ mode: 'serial' });

let clone: ReturnType<typeof freshClone>;
test.beforeAll(() => {
  clone = freshClone();
});
test.afterAll(() => clone?.remove());

/** Posts of the sample blog (public/posts) that a reader sees on its first home page. */
const SAMPLE_TITLES = ['Welcome to Folio', '你好，世界：用 Folio 写中文博客'];

test('make serve in a fresh clone serves the sample blog and reloads when a post is saved', async ({ page }) => {
  const port = await freePort();
  const serve = new Group('make', ['serve', `PORT=${port}`], clone.dir);
  try {
    // The first build of a clone compiles the app and the CLI.
    await waitFor200(`http://127.0.0.1:${port}/`, 20 * 60_000, serve);
    await page.goto(`http://127.0.0.1:${port}/`);
    for (const title of SAMPLE_TITLES) {
      await expect(page.getByRole('link', { name: title })).toBeVisible({ timeout: 30_000 });
    }

    // Saving a post into public/posts/ rebuilds the index and reloads the open page by itself.
    const title = `Saved while serving ${Date.now()}`;
    const today = new Date().toISOString().slice(0, 10);
    writeFileSync(
      join(clone.dir, 'public', 'posts', 'saved-while-serving.md'),
      `---\ntitle: ${title}\ndate: ${today}\n---\n\nWritten by the newcomer test.\n`,
    );
    await expect(page.getByRole('link', { name: title })).toBeVisible({ timeout: 120_000 });
    await page.getByRole('link', { name: title }).click();
    await expect(page.getByText('Written by the newcomer test.')).toBeVisible();
  } finally {
    await serve.stop();
  }
  expect(await listening(port), `port ${port} is still served after stopping make serve`).toBe(false);
});

test('make build in a fresh clone writes a dist/ that a plain static server serves', async ({ page }) => {
  const errors = collectErrors(page);
  clone.clean();
  const port = await freePort();
  let server: Group | undefined;
  try {
    run('make', ['build'], clone.dir);
    server = new Group('node', ['support/server.mjs', '--root', join(clone.dir, 'dist'), '--port', String(port)], '.');
    await waitFor200(`http://127.0.0.1:${port}/`, 30_000, server);
    await page.goto(`http://127.0.0.1:${port}/`);
    for (const title of SAMPLE_TITLES) {
      await expect(page.getByRole('link', { name: title })).toBeVisible();
    }
    // A deep link answers 200 from its own shell, and the app (optimized by wasm-opt) takes over
    // from the shell's first paint and renders the post itself.
    const response = await page.goto(`http://127.0.0.1:${port}/posts/welcome-to-folio/`);
    expect(response?.status()).toBe(200);
    await expect(page.locator('#folio-prerender')).toHaveCount(0);
    await expect(page.getByRole('heading', { level: 1, name: 'Welcome to Folio' })).toBeVisible();
  } finally {
    await server?.stop();
  }
  expect(errors).toEqual([]);
});
