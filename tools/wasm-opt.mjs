#!/usr/bin/env node
// `wasm-opt` as Folio's build calls it: binaryen's own (npm `binaryen`, compiled to WebAssembly
// and run by Node.js), with a cache of its results. The Makefile copies this file to
// $TOOLS_DIR/bin/wasm-opt.mjs (linked as bin/wasm-opt), beside binaryen in $TOOLS_DIR/binaryen.
//
// binaryen takes about 10 seconds on the app's wasm here, and a build of a site runs it on the
// same wasm as the last build whenever only the content changed (`make build CONTENT=...`, the
// test sites, a fresh clone's first build on a machine that built the same sources). wasm-opt's
// output depends on nothing but its input bytes, its options and its version, so a result is
// kept under the hash of the three and copied out when they recur. The newest 16 results are
// kept (about 1 MB each).
//
// Only the forms the build uses are cached: options, one input file and one output file
// (`-o <file>` or `--output=<file>`). Anything else (`--version`, source maps, options with a
// separate value) runs binaryen as it is.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  copyFileSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, utimesSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const KEEP = 16;
const tools = join(dirname(fileURLToPath(import.meta.url)), '..');
const binaryen = join(tools, 'binaryen', 'node_modules', 'binaryen');
const real = join(binaryen, 'bin', 'wasm-opt');
const cacheDir = join(tools, 'wasm-opt-cache');

/** The run's input, output and other options, or null when it is not a form this caches. */
function parse(args) {
  const options = [];
  const files = [];
  let output = null;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '-o' || arg === '--output') {
      if (output !== null || i + 1 >= args.length) return null;
      output = args[++i];
    } else if (arg.startsWith('--output=')) {
      if (output !== null) return null;
      output = arg.slice('--output='.length);
    } else if (arg.startsWith('-') && arg !== '-') {
      options.push(arg);
    } else {
      files.push(arg);
    }
  }
  if (files.length !== 1 || output === null || !files[0].endsWith('.wasm')) return null;
  // Options that name files (source maps, pass arguments given as paths) are not cached.
  if (options.some((option) => /map|file|=.*[/\\]/i.test(option))) return null;
  return { input: files[0], output, options };
}

function runBinaryen(args) {
  const result = spawnSync(process.execPath, [real, ...args], { stdio: 'inherit' });
  if (result.error) throw result.error;
  return result.status ?? 1;
}

function version() {
  return JSON.parse(readFileSync(join(binaryen, 'package.json'), 'utf8')).version;
}

/** Removes all but the newest KEEP results. */
function prune() {
  const entries = readdirSync(cacheDir)
    .filter((name) => name.endsWith('.wasm'))
    .map((name) => ({ name, time: statSync(join(cacheDir, name)).mtimeMs }))
    .sort((a, b) => b.time - a.time);
  for (const { name } of entries.slice(KEEP)) rmSync(join(cacheDir, name), { force: true });
}

function main(args) {
  const run = parse(args);
  if (run === null) return runBinaryen(args);
  const key = createHash('sha256')
    .update(JSON.stringify({ binaryen: version(), options: run.options }))
    .update(readFileSync(run.input))
    .digest('hex');
  const kept = join(cacheDir, `${key}.wasm`);
  try {
    copyFileSync(kept, run.output);
    const now = new Date();
    utimesSync(kept, now, now);
    return 0;
  } catch {
    // Not kept yet (or the cache folder is gone): run binaryen.
  }
  const status = runBinaryen(args);
  if (status !== 0) return status;
  mkdirSync(cacheDir, { recursive: true });
  // Written beside and renamed, so a build running at the same time never reads half a file.
  const partial = `${kept}.${process.pid}.partial`;
  copyFileSync(run.output, partial);
  renameSync(partial, kept);
  prune();
  return 0;
}

process.exitCode = main(process.argv.slice(2));
