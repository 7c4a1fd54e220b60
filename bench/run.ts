/**
 * `npm run bench`: prints what each workload costs on this machine. Each
 * workload runs in its own child process so its peak memory is its own.
 * `npm run bench -- metrics` runs one workload (metrics, import, demo-2k, demo-100k, clv, api, postgres).
 */
import { spawnSync } from 'node:child_process';
import { runApiWorkload } from './api-workload.js';
import { runClvWorkload } from './clv-workload.js';
import { runDemoWorkload } from './demo-workload.js';
import { runImportWorkload } from './import-workload.js';
import { runMetricsWorkload } from './metrics-workload.js';
import { runPostgresWorkload } from './postgres-workload.js';
import { peakRssMib, type Measurement } from './bench-kit.js';

const WORKLOADS: Record<string, () => Promise<Measurement[]>> = {
  'demo-2k': async () => [await runDemoWorkload(2_000)],
  'demo-100k': async () => [await runDemoWorkload(100_000)],
  import: runImportWorkload,
  metrics: () => runMetricsWorkload(100_000),
  clv: runClvWorkload,
  api: () => runApiWorkload(100_000),
  // Runs only when a PostgreSQL to fill is given.
  ...(process.env.RETAIN_BENCH_PG_URL ? { postgres: runPostgresWorkload } : {}),
};

const only = process.argv[2];

if (only !== undefined && only in WORKLOADS) {
  const measurements = await (WORKLOADS[only] ?? (() => Promise.resolve([])))();
  console.log(JSON.stringify({ measurements, peakRssMib: peakRssMib() }));
} else {
  const rows: string[] = [];
  for (const name of Object.keys(WORKLOADS)) {
    console.error(`running ${name}…`);
    const child = spawnSync(process.execPath, ['--import', 'tsx', import.meta.filename, name], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
      maxBuffer: 1 << 24,
    });
    if (child.status !== 0) {
      rows.push(
        `${name.padEnd(40)} failed (exit ${child.status ?? 'signal'}); see its error above`,
      );
      continue;
    }
    const line = child.stdout.trim().split('\n').at(-1) ?? '{}';
    const { measurements, peakRssMib: rss } = JSON.parse(line) as {
      measurements: Measurement[];
      peakRssMib: number;
    };
    for (const m of measurements) {
      rows.push(
        `${m.workload.padEnd(40)} ${m.n.padEnd(32)} ${m.seconds.toFixed(3).padStart(8)} s  ${String(rss).padStart(6)} MiB  ${m.note ?? ''}`,
      );
    }
  }
  console.log(
    `${'workload'.padEnd(40)} ${'n'.padEnd(32)} ${'time'.padStart(10)}  ${'peak RSS'.padStart(10)}  note`,
  );
  for (const row of rows) console.log(row);
}
