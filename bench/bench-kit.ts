/**
 * Small helpers every benchmark shares: timing with a median of several
 * runs, peak memory, and a cached demo store so the 100,000-customer company
 * is built once per machine.
 */
import { existsSync } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { loadDemoCompany } from '../src/ingest/demo/load-demo-company.js';
import { openStore } from '../src/store/open-store.js';

export const BENCH_AS_OF = new Date('2026-11-01T00:00:00Z');
const CACHE_DIR = join(import.meta.dirname, '../.bench-cache');

export type Measurement = { workload: string; n: string; seconds: number; note?: string };

/** Runs `work` `runs` times after one warm-up and returns the median seconds. */
export async function medianSeconds(runs: number, work: () => Promise<unknown>): Promise<number> {
  await work();
  const times: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const started = performance.now();
    await work();
    times.push((performance.now() - started) / 1000);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] ?? 0;
}

export async function timeOnce(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await work();
  return (performance.now() - started) / 1000;
}

export function peakRssMib(): number {
  return Math.round(process.resourceUsage().maxRSS / 1024);
}

/** The cache folder, created on first use (a fresh clone has none). */
export async function openCacheDir(): Promise<string> {
  await mkdir(CACHE_DIR, { recursive: true });
  return CACHE_DIR;
}

/** The path of a demo store with `customers` customers (seed 1), built on first use. */
export async function cachedDemoStore(customers: number): Promise<string> {
  await openCacheDir();
  const path = join(
    CACHE_DIR,
    `demo-${customers}-seed1-${BENCH_AS_OF.toISOString().slice(0, 10)}.duckdb`,
  );
  if (existsSync(path)) return path;
  const building = `${path}.building`;
  await rm(building, { force: true });
  const store = await openStore(building);
  try {
    await loadDemoCompany(store, { customers, seed: 1, asOf: BENCH_AS_OF });
  } finally {
    await store.close();
  }
  await rename(building, path);
  return path;
}
