// The page the browser render benchmarks time in: folio-core's renderer built for the browser
// (crates/folio-bench-wasm, by `make bench-wasm` into bench/.work/wasm), served on loopback with
// the benchmark's own files, open in headless Chromium. bench/render.mjs and
// bench/adversarial.mjs both use it.
import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { launch } from './chromium.mjs';
import { serve } from './serve.mjs';
import { WORK } from './stats.mjs';

/**
 * Writes the page into `dir` (emptied first): index.html, the wasm renderer, and `/folio.mjs`,
 * which the timing code imports to get the renderer ready (`renderBody`, `parsePost`). `files`
 * maps more names in the page to files or folders to copy there.
 */
export function writePage(dir, files = {}) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  cpSync(join(WORK, 'wasm'), join(dir, 'wasm'), { recursive: true });
  for (const [name, source] of Object.entries(files)) cpSync(source, join(dir, name), { recursive: true });
  writeFileSync(
    join(dir, 'folio.mjs'),
    "import init, * as folio from '/wasm/folio_bench_wasm.js';\n" +
      "await init({ module_or_path: '/wasm/folio_bench_wasm_bg.wasm' });\n" +
      'export default folio;\n',
  );
  writeFileSync(join(dir, 'index.html'), '<!DOCTYPE html><meta charset="utf-8"><title>render bench</title>\n');
}

/** Serves `dir` and opens its page in a fresh Chromium; resolves to `{ page, chromium, close }`. */
export async function openPage(dir) {
  const server = await serve(dir);
  const { browser, version } = await launch();
  const page = await (await browser.newContext()).newPage();
  await page.goto(`${server.url}/`);
  const close = async () => {
    await browser.close();
    await server.close();
  };
  return { page, chromium: version, close };
}
