// `make bench` after its builds: every measurement in turn, then the report. Results of an earlier
// run are deleted first, so every figure printed comes from this run.
import { spawnSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { BENCH, ROOT, WORK, save } from './stats.mjs';

function step(command, args, env = {}) {
  const run = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit', env: { ...process.env, ...env } });
  if (run.status !== 0) {
    console.error(`make bench: \`${command} ${args.join(' ')}\` failed`);
    process.exit(1);
  }
}

const started = Date.now();
const loadBefore = loadavg()[0];
rmSync(join(WORK, 'results'), { recursive: true, force: true });
rmSync(join(process.env.CARGO_TARGET_DIR ?? join(ROOT, 'target'), 'criterion'), { recursive: true, force: true });

// Native throughput: criterion prints a lot, so its output goes to a log beside the results.
console.log('criterion: folio-core natively (log in bench/.work/criterion.log)');
const criterion = spawnSync('cargo', ['bench', '--locked', '--quiet', '-p', 'folio-core', '--bench', 'render'], {
  cwd: ROOT,
  encoding: 'utf8',
  env: { ...process.env, FOLIO_BENCH_INPUTS: join(WORK, 'inputs') },
  maxBuffer: 64 << 20,
});
writeFileSync(join(WORK, 'criterion.log'), criterion.stdout + criterion.stderr);
if (criterion.status !== 0) {
  console.error(criterion.stderr);
  process.exit(1);
}

for (const script of ['render', 'ttc', 'nav', 'scale', 'sizes']) step('node', [join(BENCH, `${script}.mjs`)]);

save('run', {
  date: new Date().toISOString().slice(0, 10),
  cpu: cpus()[0]?.model.trim() ?? 'unknown CPU',
  cpus: cpus().length,
  node: process.versions.node,
  loadBefore,
  loadAfter: loadavg()[0],
  minutes: (Date.now() - started) / 60_000,
});
step('node', [join(BENCH, 'report.mjs')]);
