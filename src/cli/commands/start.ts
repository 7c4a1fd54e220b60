/**
 * `retain start` (what `npm start` runs): the first-run experience. Creates
 * the store with the demo company when it is empty, prints the headline KPIs
 * for last month and this month so far, then serves the dashboard and the
 * API with a demo login (`--no-serve` stops after the KPIs).
 */
import type { Command } from 'commander';
import { createApp } from '../../api/create-app.js';
import { runAlertRules } from '../../alerts/run-alert-rules.js';
import { createUser, listUsers } from '../../api/auth/users.js';
import { countCanonicalRows, loadDemoCompany } from '../../ingest/demo/load-demo-company.js';
import { computeMetrics, type MetricResult } from '../../metrics/compute-metrics.js';
import { parseMetricRequest } from '../../metrics/parse-metric-request.js';
import { findKpiOrThrow } from '../../metrics/registry.js';
import { readHealthRules } from '../../models/risk/health-rules.js';
import { scoreCustomers, writeHealthSnapshot } from '../../models/risk/score-customers.js';
import { scanConversations } from '../../models/trackers/scan-conversations.js';
import { readTrackers } from '../../models/trackers/tracker-definitions.js';
import { openRuntime, type Runtime } from '../../runtime.js';
import { configOf, writeErr, writeOut } from '../context.js';
import { formatResultValue } from '../format-value.js';
import { renderTable } from '../output.js';
import { parsePositiveInteger } from '../parse-options.js';
import { startProgress } from '../progress.js';
import { DEFAULT_DEMO_CUSTOMERS, DEFAULT_DEMO_SEED, startOfTodayUtc } from './demo.js';
import { findWebRoot } from './serve.js';

export const HEADLINE_KPIS = [
  'customers_active',
  'new_customers',
  'mrr',
  'arr',
  'customer_churn_rate',
  'net_revenue_retention',
  'mrr_churned',
  'arpa',
  'clv',
  'cac',
  'ltv_to_cac',
  'nps',
  'win_rate',
  'average_deal_size',
  'sales_velocity',
  'dials_per_meeting',
];

/** The demo workspace's sign-in: demo data only, never a real workspace's. */
export const DEMO_LOGIN = {
  email: 'admin@retain-demo.example',
  password: 'retain-demo-admin',
} as const;

type StartOptions = { serve: boolean; port: number; host: string };

export function registerStartCommand(program: Command): void {
  program
    .command('start')
    .description(
      'Create the store with the demo company if it is empty, print the headline KPIs and serve the dashboard',
    )
    .option('--no-serve', 'stop after printing the KPIs')
    .option('--port <port>', 'TCP port for the dashboard', parsePositiveInteger, 3000)
    .option('--host <host>', 'interface to listen on', '127.0.0.1')
    .action(async (options: StartOptions, command: Command) => {
      const runtime = await openRuntime(configOf(command));
      let isServing = false;
      try {
        const isDemo = await ensureDemoCompany(runtime);
        writeOut(`Retain — ${runtime.config.db}\n\n`);
        writeOut(await renderHeadline(runtime));
        if (!options.serve) return;
        const webRoot = findWebRoot();
        const app = await createApp(runtime, webRoot === undefined ? {} : { webRoot });
        await app.listen({ port: options.port, host: options.host });
        isServing = true;
        const stop = async () => {
          await app.close();
          await runtime.close();
          process.exit(0);
        };
        process.once('SIGINT', () => void stop());
        process.once('SIGTERM', () => void stop());
        writeOut(
          `\nDashboard: http://${options.host}:${options.port}/${webRoot === undefined ? ' (not built: npm run build)' : ''}\n`,
        );
        writeOut(`API docs:  http://${options.host}:${options.port}/api/docs\n`);
        if (isDemo) writeOut(`Demo login: ${DEMO_LOGIN.email} / ${DEMO_LOGIN.password}\n`);
        writeOut('Stop with Ctrl+C.\n');
      } finally {
        if (!isServing) await runtime.close();
      }
    });
}

/** Loads the demo company into an empty store and gives it a demo admin; true when the store is the demo's. */
async function ensureDemoCompany(runtime: Runtime): Promise<boolean> {
  const { store, config } = runtime;
  if ((await countCanonicalRows(store)) === 0) {
    writeErr(
      `Creating ${config.db} with the demo company (${DEFAULT_DEMO_CUSTOMERS} customers)…\n`,
    );
    const progress = startProgress('Generating', config.isInteractive, ' customers');
    try {
      await loadDemoCompany(store, {
        customers: DEFAULT_DEMO_CUSTOMERS,
        seed: DEFAULT_DEMO_SEED,
        asOf: startOfTodayUtc(),
        onProgress: (done, total) => progress.update(done, total),
      });
    } finally {
      progress.stop();
    }
    await watchDemoCompany(runtime);
    await store.query(`INSERT INTO settings (key, value) VALUES ('is_demo', 'true')`);
  }
  const [flag] = await store.query<{ value: string }>(
    `SELECT value FROM settings WHERE key = 'is_demo'`,
  );
  const isDemo = flag?.value === 'true';
  if (isDemo && (await listUsers(store)).length === 0) {
    await createUser(store, {
      email: DEMO_LOGIN.email,
      role: 'admin',
      password: DEMO_LOGIN.password,
    });
  }
  return isDemo;
}

/**
 * What a daily job would have left behind: tracker hits, health snapshots a
 * week ago and today (so crossings into at-risk show), and the alerts they
 * raise, so the dashboard's risk and alert pages have something to show.
 */
async function watchDemoCompany(runtime: Runtime): Promise<void> {
  const { store, metricCache } = runtime;
  const now = runtime.now();
  writeErr('Scanning calls, scoring health and raising alerts…\n');
  await scanConversations(store, await readTrackers(store), { now });
  const rules = await readHealthRules(store);
  const weekAgo = new Date(now.getTime() - 7 * 86_400_000);
  for (const asOf of [weekAgo, now]) {
    const scores = await scoreCustomers(store, {
      asOf,
      rules,
      isModelUsed: asOf === now,
      cache: metricCache,
    });
    await writeHealthSnapshot(store, scores, now);
  }
  await runAlertRules(store, { asOf: now, now, cache: metricCache });
}

async function renderHeadline(runtime: Runtime): Promise<string> {
  const asOf = runtime.now();
  const monthStart = new Date(Date.UTC(asOf.getUTCFullYear(), asOf.getUTCMonth() - 1, 1));
  const query = await parseMetricRequest(runtime.store, {
    metrics: HEADLINE_KPIS,
    from: monthStart.toISOString().slice(0, 10),
    asOf,
  });
  const results = await computeMetrics(runtime.store, query, runtime.metricCache);
  const [lastMonth, thisMonth] = query.periods;
  return renderTableOf(results, lastMonth?.startDate ?? '', thisMonth?.startDate ?? '');
}

function renderTableOf(
  results: readonly MetricResult[],
  lastMonth: string,
  thisMonth: string,
): string {
  const valueOf = (metric: string, period: string) => {
    const result = results.find(
      (candidate) => candidate.metric === metric && candidate.period_start === period,
    );
    return result ? formatResultValue(result) : '—';
  };
  return renderTable(HEADLINE_KPIS, [
    { header: 'KPI', value: (id) => findKpiOrThrow(id).title },
    { header: lastMonth.slice(0, 7), value: (id) => valueOf(id, lastMonth) },
    { header: `${thisMonth.slice(0, 7)} so far`, value: (id) => valueOf(id, thisMonth) },
  ]);
}
