/**
 * Every KPI for 24 monthly periods on the 100,000-customer demo company,
 * overall and by segment, plus the cohort matrix; and the same
 * customer_churn_rate written by hand as one DuckDB query, to show what the
 * engine's generality costs.
 */
import { computeCohorts } from '../src/metrics/cohorts.js';
import { computeMetrics } from '../src/metrics/compute-metrics.js';
import { createMetricCache } from '../src/metrics/metric-cache.js';
import { parseMetricRequest } from '../src/metrics/parse-metric-request.js';
import { openStore } from '../src/store/open-store.js';
import { BENCH_AS_OF, cachedDemoStore, medianSeconds, type Measurement } from './bench-kit.js';

const RUNS = 5;

const MONTHS = `
    SELECT range AS period_start, range + INTERVAL 1 MONTH AS period_end
    FROM range(TIMESTAMP '2024-12-01', TIMESTAMP '2026-12-01', INTERVAL 1 MONTH)`;

/** Per month, customers paying just before its start and of those, the ones not paying just before its end. */
const countChurn = (payingStretches: string) => `
  WITH periods AS (${MONTHS}),
  paying AS (${payingStretches}),
  state AS (
    SELECT p.period_start, s.customer_id,
           bool_or(s.pay_start < p.period_start AND (s.pay_end IS NULL OR s.pay_end >= p.period_start)) AS at_start,
           bool_or(s.pay_start < p.period_end AND (s.pay_end IS NULL OR s.pay_end >= p.period_end)) AS at_end
    FROM periods p JOIN paying s ON s.pay_start < p.period_end AND (s.pay_end IS NULL OR s.pay_end >= p.period_start)
    GROUP BY p.period_start, s.customer_id
  )
  SELECT period_start, count(*) FILTER (WHERE at_start AND NOT at_end) AS churned, count(*) FILTER (WHERE at_start) AS active_at_start
  FROM state GROUP BY period_start ORDER BY period_start`;

/**
 * Customer churn per month written by hand to DESIGN.md's definition: paying
 * means out of trial with MRR above zero, and a subscription_changes row can
 * take MRR to zero (a move to a free plan) and back, so the stretches come
 * from the subscriptions split at their changes. Needs no money, seats or
 * exchange rates, which the engine's shared blocks carry for other KPIs.
 */
const HAND_WRITTEN_CHURN = countChurn(`
    WITH prices AS (
      SELECT id AS subscription_id, started_at AS price_at, 0 AS price_order, '' AS change_id, mrr FROM subscriptions
      UNION ALL
      SELECT c.subscription_id, greatest(c.effective_at, s.started_at), 1, c.id, c.mrr
      FROM subscription_changes c JOIN subscriptions s ON s.id = c.subscription_id
    ),
    priced AS (
      SELECT *, lead(price_at) OVER (PARTITION BY subscription_id ORDER BY price_at, price_order, change_id) AS next_price_at
      FROM prices
    ),
    stretches AS (
      SELECT s.customer_id, greatest(p.price_at, coalesce(s.trial_ends_at, s.started_at)) AS pay_start,
             CASE WHEN p.next_price_at IS NULL OR s.ended_at < p.next_price_at THEN s.ended_at ELSE p.next_price_at END AS pay_end
      FROM priced p JOIN subscriptions s ON s.id = p.subscription_id
      WHERE p.mrr > 0
    )
    SELECT * FROM stretches WHERE pay_start < coalesce(pay_end, TIMESTAMP '9999-12-31')`);

/**
 * The shortcut that reads subscriptions alone: right only while no change
 * takes MRR to zero (true of the demo data, not in general). Timed as a floor.
 */
const SUBSCRIPTIONS_ONLY_CHURN = countChurn(`
    SELECT customer_id, greatest(started_at, coalesce(trial_ends_at, started_at)) AS pay_start, ended_at AS pay_end
    FROM subscriptions WHERE mrr > 0`);

export async function runMetricsWorkload(customers: number): Promise<Measurement[]> {
  const store = await openStore(await cachedDemoStore(customers));
  try {
    const base = { asOf: BENCH_AS_OF, from: '2024-12-01', to: '2026-12-01' };
    const overall = await parseMetricRequest(store, base);
    const bySegment = await parseMetricRequest(store, { ...base, by: 'segment' });
    const churnOnly = await parseMetricRequest(store, {
      ...base,
      metrics: ['customer_churn_rate'],
    });
    const n = `${customers.toLocaleString('en-US')} customers × 24 months`;
    const measurements: Measurement[] = [];

    for (const mode of ['cold', 'warm'] as const) {
      // Cold: every request derives its tables; warm: they are kept between requests.
      const cache = mode === 'warm' ? createMetricCache() : undefined;
      const allKpis = await medianSeconds(RUNS, () => computeMetrics(store, overall, cache));
      const allBySegment = await medianSeconds(RUNS, () => computeMetrics(store, bySegment, cache));
      const cohorts = await medianSeconds(RUNS, () =>
        computeCohorts(store, overall, 'logos', cache),
      );
      measurements.push(
        { workload: `every KPI (${overall.kpis.length}), ${mode}`, n, seconds: allKpis },
        { workload: `every KPI by segment, ${mode}`, n, seconds: allBySegment },
        { workload: `cohort matrix (logos), ${mode}`, n, seconds: cohorts },
        {
          workload: `whole set (the three), ${mode}`,
          n,
          seconds: allKpis + allBySegment + cohorts,
        },
      );
    }

    const rawChurn = await medianSeconds(RUNS, () => store.query(HAND_WRITTEN_CHURN));
    const shortcutChurn = await medianSeconds(RUNS, () => store.query(SUBSCRIPTIONS_ONLY_CHURN));
    const engineCold = await medianSeconds(RUNS, () => computeMetrics(store, churnOnly));
    const warmCache = createMetricCache();
    const engineWarm = await medianSeconds(RUNS, () => computeMetrics(store, churnOnly, warmCache));
    const engine = await computeMetrics(store, churnOnly);
    const agreesWithEngine = async (sql: string) => {
      const raw = await store.query<{ churned: number; active_at_start: number }>(sql);
      const same = raw.every(
        (row, index) =>
          row.churned === engine[index]?.numerator &&
          row.active_at_start === engine[index]?.denominator,
      );
      return `results ${same ? 'identical' : 'DIFFER'}`;
    };
    measurements.push(
      {
        workload: 'customer_churn_rate, hand-written SQL',
        n,
        seconds: rawChurn,
        note: await agreesWithEngine(HAND_WRITTEN_CHURN),
      },
      {
        workload: 'customer_churn_rate, engine cold',
        n,
        seconds: engineCold,
        note: `${(engineCold / rawChurn).toFixed(2)}× hand-written`,
      },
      {
        workload: 'customer_churn_rate, engine warm',
        n,
        seconds: engineWarm,
        note: `${(engineWarm / rawChurn).toFixed(2)}× hand-written`,
      },
      {
        workload: 'customer_churn_rate, subscriptions only',
        n,
        seconds: shortcutChurn,
        note: `ignores changes to zero MRR; ${await agreesWithEngine(SUBSCRIPTIONS_ONLY_CHURN)} here; engine cold ${(engineCold / shortcutChurn).toFixed(2)}× it`,
      },
    );
    return measurements;
  } finally {
    await store.close();
  }
}
