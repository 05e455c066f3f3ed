// Medians and the results folder every step writes to and bench/report.mjs reads from.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const BENCH = dirname(fileURLToPath(import.meta.url));
export const ROOT = join(BENCH, '..');
export const WORK = join(BENCH, '.work');
const RESULTS = join(WORK, 'results');

/** The median: on a shared two-core machine one slow run says little, the middle one more. */
export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export function save(name, data) {
  mkdirSync(RESULTS, { recursive: true });
  writeFileSync(join(RESULTS, `${name}.json`), JSON.stringify(data, null, 2));
}

export function load(name) {
  return JSON.parse(readFileSync(join(RESULTS, `${name}.json`), 'utf8'));
}
