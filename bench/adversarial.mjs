// `make bench-adversarial`: every family of pathological posts (crates/folio-core/tests/support/
// adversarial.rs) at 100 KB and 1 MB, timed natively and in headless Chromium, beside plain prose
// of the same size. Prints the table and writes it to bench/.work/adversarial.md.
//
// The native half (crates/folio-core/benches/adversarial.rs) writes the inputs and its timings;
// this script times the same files in the browser with `parsePost` (what the app runs for a post:
// front matter, render, excerpt, reading time) in the page bench/render.mjs uses. A size is not
// timed when the size before it took over a second there: that family is not linear, and its next
// size could take minutes. Goals, from the hardening issue: every family renders 1 MB in under a
// second in the browser, within 3× of plain text.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openPage, writePage } from './folio-page.mjs';
import { ROOT, WORK } from './stats.mjs';

const DIR = join(WORK, 'adversarial');
const INPUTS = join(DIR, 'inputs');
const TABLE = join(WORK, 'adversarial.md');
const GIVE_UP_MS = 1000;
const GOAL_MS_PER_MB = 1000;
const GOAL_OVER_PLAIN = 3;

/** Runs in the page: the median time of `parsePost` on one input, in a few runs or one slow one. */
async function time({ file, runs, budgetMs }) {
  const folio = (await import('/folio.mjs')).default;
  const response = await fetch(`/inputs/${file}`);
  if (!response.ok) throw new Error(`${file}: ${response.status}`);
  const source = await response.text();
  const times = [];
  const started = performance.now();
  while (times.length < runs && (times.length === 0 || performance.now() - started < budgetMs)) {
    const start = performance.now();
    const html = folio.parsePost(source);
    times.push(performance.now() - start);
    if (html.length === 0 && source.length > 0) throw new Error(`${file} rendered nothing`);
  }
  times.sort((a, b) => a - b);
  return times[times.length >> 1];
}

function native() {
  console.log('native: cargo bench -p folio-core --bench adversarial');
  const run = spawnSync('cargo', ['bench', '--locked', '--quiet', '-p', 'folio-core', '--bench', 'adversarial', '--', ...process.argv.slice(2)], {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, FOLIO_ADVERSARIAL_OUT: INPUTS },
  });
  if (run.status !== 0) process.exit(1);
  return JSON.parse(readFileSync(join(INPUTS, 'native.json'), 'utf8')).families;
}

async function browser(families) {
  writePage(join(DIR, 'page'), { inputs: INPUTS });
  const { page, chromium, close } = await openPage(join(DIR, 'page'));
  // A discarded round first: wasm starts in a baseline compiler and is optimized once it runs.
  const warmUp = families[0].sizes.at(-1).file;
  await page.evaluate(time, { file: warmUp, runs: 5, budgetMs: 2000 });
  for (const family of families) {
    let slow = false;
    for (const size of family.sizes) {
      size.browserMs = slow ? null : await page.evaluate(time, { file: size.file, runs: 5, budgetMs: 2000 });
      slow ||= size.browserMs > GIVE_UP_MS;
      console.log(`browser: ${size.file} ${size.browserMs === null ? 'skipped' : `${size.browserMs.toFixed(1)} ms`}`);
    }
  }
  await close();
  return chromium;
}

const ms = (value) => (value === null || value === undefined ? '—' : value < 10 ? value.toFixed(1) : Math.round(value).toLocaleString('en-US'));
const label = (bytes) => (bytes >= 5e5 ? `${(bytes / 1e6).toFixed(2)} MB` : `${Math.round(bytes / 1e3)} KB`);

function report(families, chromium) {
  const plain = families.find((family) => family.name === 'plain-text');
  const nominal = (bytes) => (bytes > 3e5 ? 1e6 : 1e5);
  const perMb = (size) => (size.browserMs == null ? null : size.browserMs / (size.bytes / 1e6));
  const overPlain = (size) => {
    const base = plain.sizes.find((other) => nominal(other.bytes) === nominal(size.bytes));
    return perMb(size) === null ? null : perMb(size) / perMb(base);
  };
  const rows = families.flatMap((family) =>
    family.sizes.map((size) => {
      const over = overPlain(size);
      const shape = family.shape.replaceAll('|', '\\|').replaceAll('`', 'ˋ');
      return (
        `| ${family.name} | \`${shape}\` | ${label(size.bytes)} | ${ms(size.ms)} | ${ms(size.browserMs)} | ` +
        `${ms(perMb(size))} | ${over === null ? '—' : `${over.toFixed(1)}×`} | ${(size.html / size.bytes).toFixed(1)}× |`
      );
    }),
  );
  const large = families.filter((family) => family !== plain).map((family) => [family.name, family.sizes.at(-1)]);
  const slow = large.filter(([, size]) => !(perMb(size) < GOAL_MS_PER_MB)).map(([name]) => name);
  const close = large.filter(([, size]) => overPlain(size) <= GOAL_OVER_PLAIN).map(([name]) => name);
  return [
    `**Pathological posts** (\`make bench-adversarial\`): \`Post::parse\` natively and in Chromium ${chromium}, ` +
      'median of up to 5 runs; a size is skipped (—) after one over a second. "× plain" is the browser time per MB ' +
      'over plain prose of the same size; "HTML" is the output over the input.',
    '',
    '| Family | Shape | Size | Native ms | Browser ms | Browser ms/MB | × plain | HTML |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows,
    '',
    `Goals at 1 MB, for ${large.length} families. Under ${GOAL_MS_PER_MB} ms in the browser: ` +
      (slow.length ? `missed by ${slow.join(', ')}.` : 'met by every family.') +
      ` Within ${GOAL_OVER_PLAIN}× of plain text: met by ${close.length}` +
      (close.length ? ` (${close.join(', ')}).` : '.'),
    '',
  ].join('\n');
}

const families = native();
const chromium = await browser(families);
writeFileSync(join(DIR, 'results.json'), JSON.stringify({ chromium, families }, null, 2));
const table = report(families, chromium);
writeFileSync(TABLE, table);
console.log(`\n${table}\n(written to ${TABLE})`);
