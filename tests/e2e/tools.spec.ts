// The build's tools as the Makefile installs them: tools/wasm-opt.mjs, which runs binaryen and
// keeps its results. A kept result must be what binaryen writes, be used only for the same
// input, options and binaryen, and never be mistaken for another.
import { expect, test } from '@playwright/test';
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** binaryen as the Makefile installed it: the wasm-opt on PATH is the wrapper, beside it. */
function installedBinaryen(): string {
  const onPath = execFileSync('sh', ['-c', 'command -v wasm-opt'], { encoding: 'utf8' }).trim();
  return join(dirname(realpathSync(onPath)), '..', 'binaryen');
}

/**
 * A tools folder of its own: the checkout's wrapper, and binaryen's package.json (its version)
 * and command, linked to the installed ones so that the test can take the command away.
 */
function toolsFolder(): string {
  const tools = mkdtempSync(join(tmpdir(), 'folio-tools-'));
  mkdirSync(join(tools, 'bin'));
  cpSync(join(ROOT, 'tools', 'wasm-opt.mjs'), join(tools, 'bin', 'wasm-opt.mjs'));
  symlinkSync('wasm-opt.mjs', join(tools, 'bin', 'wasm-opt'));
  const installed = join(installedBinaryen(), 'node_modules', 'binaryen');
  const binaryen = join(tools, 'binaryen', 'node_modules', 'binaryen');
  mkdirSync(join(binaryen, 'bin'), { recursive: true });
  cpSync(join(installed, 'package.json'), join(binaryen, 'package.json'));
  symlinkSync(join(installed, 'bin', 'wasm-opt'), join(binaryen, 'bin', 'wasm-opt'));
  return tools;
}

/** A small module: one exported function that adds 1 + 2, which -O folds to 3. */
const MODULE = Buffer.from(
  '0061736d010000000105016000017f030201000707010372756e00000a09010700410141026a0b',
  'hex',
);

test('wasm-opt keeps what binaryen wrote and uses it only for the same input and options', () => {
  const tools = toolsFolder();
  const work = mkdtempSync(join(tmpdir(), 'folio-wasm-opt-'));
  try {
    const input = join(work, 'in.wasm');
    writeFileSync(input, MODULE);
    const run = (...args: string[]) =>
      spawnSync(join(tools, 'bin', 'wasm-opt'), args, { encoding: 'utf8' });
    const real = join(tools, 'binaryen', 'node_modules', 'binaryen', 'bin', 'wasm-opt');

    // binaryen itself, for comparison.
    const direct = spawnSync(process.execPath, [real, '-Oz', input, '-o', join(work, 'direct.wasm')]);
    expect(direct.status).toBe(0);
    const expected = readFileSync(join(work, 'direct.wasm'));
    expect(expected.equals(MODULE)).toBe(false);

    // First run: binaryen runs, its output is kept.
    expect(run('-Oz', input, '-o', join(work, 'first.wasm')).status).toBe(0);
    expect(readFileSync(join(work, 'first.wasm')).equals(expected)).toBe(true);
    expect(readdirSync(join(tools, 'wasm-opt-cache'))).toHaveLength(1);

    // Without binaryen's command, the same run (Trunk's spelling of the output) still works:
    // from the cache.
    rmSync(real);
    expect(run(`--output=${join(work, 'second.wasm')}`, '-Oz', input).status).toBe(0);
    expect(readFileSync(join(work, 'second.wasm')).equals(expected)).toBe(true);

    // Other options, or another input, are not answered from the cache.
    expect(run('-O1', input, '-o', join(work, 'other.wasm')).status).not.toBe(0);
    writeFileSync(input, Buffer.concat([MODULE.subarray(0, MODULE.length - 3), Buffer.from('036a0b', 'hex')]));
    expect(run('-Oz', input, '-o', join(work, 'third.wasm')).status).not.toBe(0);
  } finally {
    rmSync(work, { recursive: true, force: true });
    rmSync(tools, { recursive: true, force: true });
  }
});
