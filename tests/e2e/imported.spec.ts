// Real blogs come through whole: each generator's fixture site (crates/folio-cli/tests/
// fixtures/import), moved in by `folio import` and built by `make build`, publishes every post
// the import wrote (drafts aside) at its own URL, with no writer's notice in sight.
import { expect, test } from '@playwright/test';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { imported } from '../playwright.config';
import { collectErrors, settled } from './helpers';

/** The posts the import wrote (`.md` files under posts/, drafts left out), as paths below posts/. */
function importedPosts(content: string): string[] {
  const posts = join(content, 'posts');
  const found: string[] = [];
  const walk = (dir: string, prefix: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const rel = `${prefix}${entry.name}`;
      if (entry.isDirectory()) walk(join(dir, entry.name), `${rel}/`);
      else if (/\.(md|markdown)$/.test(entry.name) && !/^draft\s*[:=]\s*true/m.test(readFileSync(join(dir, entry.name), 'utf8'))) {
        found.push(rel);
      }
    }
  };
  walk(posts, '');
  return found.sort();
}

for (const [name, site] of Object.entries(imported)) {
  test(`every post of the imported ${name} site is published and reads without a notice`, async ({ page }) => {
    const errors = collectErrors(page);
    const manifest = JSON.parse(readFileSync(`.work/imported-${name}/posts/index.json`, 'utf8'));
    const listed: string[] = manifest.posts.map((post: { file: string }) => post.file).sort();
    expect(listed).toEqual(importedPosts(`.work/import-${name}`));
    expect(listed.length).toBeGreaterThan(1);
    for (const post of manifest.posts as { slug: string; title: string }[]) {
      const url = `${site}/posts/${post.slug.split('/').map(encodeURIComponent).join('/')}/`;
      const response = await page.goto(url);
      expect(response?.status(), url).toBe(200);
      await settled(page);
      await expect(page.locator('h1.post-title'), url).toHaveText(post.title);
      await expect(page.locator('aside.notice'), url).toHaveCount(0);
    }
    // Every old URL the import kept (the generator's permalinks, aliases, date paths) leads to
    // the post at its new one. (The VitePress fixture's posts keep their paths, so it has none.)
    const redirects = Object.entries((manifest.redirects ?? {}) as Record<string, string>);
    const titles = new Map((manifest.posts as { slug: string; title: string }[]).map((p) => [p.slug, p.title]));
    for (const [from, to] of redirects) {
      const response = await page.goto(`${site}/${from.split('/').map(encodeURIComponent).join('/')}`);
      expect(response?.status(), from).toBe(200);
      await page.waitForURL((url) => decodeURIComponent(url.pathname) === `/posts/${to}/`);
      await expect(page.locator('h1.post-title'), from).toHaveText(titles.get(to) ?? '');
    }
    expect(errors).toEqual([]);
  });
}
