import { defineConfig } from 'vitest/config';

// Period boundaries and demo dates must not depend on the machine's zone.
process.env.TZ = 'UTC';

/** The suites that must hold on every store engine: the store, the importers, the KPIs, goals, risk. */
const STORE_SUITES = [
  'src/store/**/*.test.ts',
  'src/ingest/**/*.test.ts',
  'src/metrics/**/*.test.ts',
  'src/goals/**/*.test.ts',
  'src/models/risk/**/*.test.ts',
  'src/models/trackers/**/*.test.ts',
];
/** DuckDB-only behaviour (file locks, the embedded adapter). */
const DUCKDB_ONLY = ['src/store/duckdb/**'];

const pgUrl = process.env.RETAIN_TEST_PG_URL;
if (!pgUrl && process.env.RETAIN_REQUIRE_PG === '1') {
  throw new Error(
    'RETAIN_REQUIRE_PG=1 but RETAIN_TEST_PG_URL is not set: the PostgreSQL suite cannot be skipped here',
  );
}
if (!pgUrl) {
  console.warn(
    'PostgreSQL suite skipped: set RETAIN_TEST_PG_URL=postgres://… to run the store, import and KPI tests on PostgreSQL too.',
  );
}

export default defineConfig({
  test: {
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
    projects: [
      {
        extends: true,
        test: { name: 'duckdb', include: ['src/**/*.test.ts', 'test/**/*.test.ts'] },
      },
      ...(pgUrl
        ? [
            {
              extends: true as const,
              test: {
                name: 'postgres',
                include: STORE_SUITES,
                exclude: DUCKDB_ONLY,
                env: { RETAIN_TEST_STORE: 'postgres' },
              },
            },
          ]
        : []),
    ],
  },
});
