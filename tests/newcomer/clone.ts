// What the newcomer tests need around a fresh clone: the clone itself, a free port, a command
// started in its own process group (so stopping it stops trunk, cargo and the servers they
// started), and bounded waits.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The checkout these tests belong to (they run from its tests/ folder). */
export const CHECKOUT = execFileSync('git', ['rev-parse', '--show-toplevel'], { encoding: 'utf8' }).trim();

/** Where the clones compile: the checkout's own target folder, so the crates.io dependencies
 * the checkout already compiled (most of the work) are reused, while the clone's own crates,
 * at another path, compile afresh from its sources. The clone itself is new every time, which
 * is what the tests are about; compiling leptos once more would only make them minutes slower. */
const TARGET = process.env.CARGO_TARGET_DIR ?? join(CHECKOUT, 'target');

/** A fresh `git clone` of the checkout's HEAD in a new temporary folder. Uncommitted changes are
 * not in it: these tests check what a newcomer would get from the repository. `clean` takes it
 * back to that state after a command has run in it. */
export function freshClone(): { dir: string; remove: () => void; clean: () => void } {
  const parent = mkdtempSync(join(tmpdir(), 'folio-newcomer-'));
  const dir = join(parent, 'folio');
  execFileSync('git', ['clone', '--quiet', CHECKOUT, dir], { stdio: 'inherit' });
  const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], {
    cwd: CHECKOUT,
    encoding: 'utf8',
  });
  if (dirty.trim()) console.log('NOTE: uncommitted changes are not in the clone; it tests HEAD');
  return {
    dir,
    remove: () => rmSync(parent, { recursive: true, force: true }),
    clean: () => {
      // Back to what `git clone` wrote: untracked and ignored files removed (dist/, a saved
      // post), tracked ones restored, and nothing else left to tell it from a fresh clone.
      execFileSync('git', ['clean', '-d', '--force', '-x', '--quiet'], { cwd: dir, stdio: 'inherit' });
      execFileSync('git', ['checkout', '--quiet', '--', '.'], { cwd: dir, stdio: 'inherit' });
      const left = execFileSync('git', ['status', '--porcelain', '--ignored'], { cwd: dir, encoding: 'utf8' });
      if (left.trim()) throw new Error(`the clone is not clean after git clean:\n${left}`);
    },
  };
}

/** A TCP port on 127.0.0.1 that nothing listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolvePort(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/** A command running in its own process group, with its output kept for failure messages. */
export class Group {
  readonly child: ChildProcess;
  private output = '';

  constructor(command: string, args: string[], cwd: string, env: Record<string, string> = {}) {
    this.child = spawn(command, args, {
      cwd,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, CARGO_TARGET_DIR: TARGET, ...env },
    });
    const keep = (chunk: Buffer) => {
      this.output = (this.output + chunk.toString()).slice(-20_000);
    };
    this.child.stdout?.on('data', keep);
    this.child.stderr?.on('data', keep);
  }

  /** The last 20,000 characters it printed. */
  get log(): string {
    return this.output;
  }

  get exited(): boolean {
    return this.child.exitCode !== null || this.child.signalCode !== null;
  }

  /** Stops the whole group: SIGTERM, then SIGKILL if anything is left after 5 s. */
  async stop(): Promise<void> {
    const pid = this.child.pid;
    if (pid === undefined) return;
    const signal = (name: NodeJS.Signals) => {
      try {
        process.kill(-pid, name);
        return true;
      } catch {
        return false; // the group is gone
      }
    };
    if (!signal('SIGTERM')) return;
    const deadline = Date.now() + 5_000;
    while (Date.now() < deadline) {
      if (!signal(0 as unknown as NodeJS.Signals)) return;
      await sleep(100);
    }
    signal('SIGKILL');
  }
}

/** Runs a command to completion in `cwd` (with the clones' target folder); throws with its
 * output when it fails. */
export function run(command: string, args: string[], cwd: string): string {
  return execFileSync(command, args, {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, CARGO_TARGET_DIR: TARGET },
    maxBuffer: 64 << 20,
  });
}

export const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** Polls `url` until it answers 200 or `ms` pass; fails early when `group` exits. */
export async function waitFor200(url: string, ms: number, group?: Group): Promise<void> {
  const deadline = Date.now() + ms;
  let last = 'no answer';
  while (Date.now() < deadline) {
    if (group?.exited) throw new Error(`the command exited before ${url} answered:\n${group.log}`);
    try {
      const response = await fetch(url);
      if (response.status === 200) return;
      last = `HTTP ${response.status}`;
    } catch (error) {
      last = String(error);
    }
    await sleep(1_000);
  }
  throw new Error(`${url} did not answer 200 within ${ms / 1000} s (last: ${last})\n${group?.log ?? ''}`);
}

/** Whether something accepts connections on the port. */
export async function listening(port: number): Promise<boolean> {
  try {
    await fetch(`http://127.0.0.1:${port}/`);
    return true;
  } catch {
    return false;
  }
}
