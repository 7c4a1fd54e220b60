/**
 * `retain start` (what `npm start` runs): the first-run experience. Creates
 * the store with the demo company when it is empty, then prints the headline
 * KPIs for last month and this month so far.
 */
import type { Command } from 'commander';
import { countCanonicalRows, loadDemoCompany } from '../../ingest/demo/load-demo-company.js';
import { computeMetrics, type MetricResult } from '../../metrics/compute-metrics.js';
import { parseMetricRequest } from '../../metrics/parse-metric-request.js';
import { findKpiOrThrow } from '../../metrics/registry.js';
import { withRuntime, writeErr, writeOut } from '../context.js';
import { formatResultValue } from '../format-value.js';
import { renderTable } from '../output.js';
import { startProgress } from '../progress.js';
import { DEFAULT_DEMO_CUSTOMERS, DEFAULT_DEMO_SEED, startOfTodayUtc } from './demo.js';

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

export function registerStartCommand(program: Command): void {
  program
    .command('start')
    .description(
      'Create the store with the demo company if it is empty, and print the headline KPIs',
    )
    .action(async (_options: unknown, command: Command) => {
      await withRuntime(command, async ({ store, config }) => {
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
        }
        const asOf = new Date();
        const monthStart = new Date(Date.UTC(asOf.getUTCFullYear(), asOf.getUTCMonth() - 1, 1));
        const query = await parseMetricRequest(store, {
          metrics: HEADLINE_KPIS,
          from: monthStart.toISOString().slice(0, 10),
          asOf,
        });
        const results = await computeMetrics(store, query);
        const [lastMonth, thisMonth] = query.periods;
        writeOut(`Retain — ${config.db}\n\n`);
        writeOut(renderHeadline(results, lastMonth?.startDate ?? '', thisMonth?.startDate ?? ''));
        writeOut(
          '\nMore: npm run retain -- metrics --help (every KPI, by segment), cohorts, survival, import.\n',
        );
      });
    });
}

function renderHeadline(
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
    { header: `${lastMonth.slice(0, 7)}`, value: (id) => valueOf(id, lastMonth) },
    { header: `${thisMonth.slice(0, 7)} so far`, value: (id) => valueOf(id, thisMonth) },
  ]);
}
