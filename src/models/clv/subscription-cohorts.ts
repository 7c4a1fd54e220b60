/**
 * Survival of monthly acquisition cohorts from the store, for the sBG model:
 * customers acquired in each month of the query's periods (acquisition and
 * the end of the first stretch of activity exactly as the KPIs define them,
 * from the metrics' customer facts), and how many were still customers t
 * whole months after their own acquisition, for every t fully observed by the
 * as-of date. A customer who comes back later has churned once: survival
 * ends at the first churn, as the sBG model's story has it.
 */
import type { MetricQuery } from '../../metrics/compute-metrics.js';
import { withMetricSession } from '../../metrics/metric-session.js';
import type { Store } from '../../store/store.js';
import type { CohortSurvival } from './shifted-beta-geometric.js';

type FactRow = { cohort_start: string; acquired_at: string; first_end: string | null };

export async function readSubscriptionCohorts(
  store: Store,
  query: MetricQuery,
): Promise<CohortSurvival[]> {
  const rows = await withMetricSession(store, query, (session) =>
    session.select<FactRow>(
      ['customerFacts'],
      ({ tables, asOfUtc }) => `
      SELECT CAST(p.period_start AS TEXT) AS cohort_start, CAST(c.acquired_at AS TEXT) AS acquired_at,
             CAST(CASE WHEN c.first_end <= TIMESTAMP '${asOfUtc}' THEN c.first_end END AS TEXT) AS first_end
      FROM ${tables.customerFacts} c
      JOIN ${tables.periods} p ON c.acquired_at >= p.period_start AND c.acquired_at < p.period_end
      WHERE c.acquired_at < TIMESTAMP '${asOfUtc}'
      ORDER BY 1`,
    ),
  );
  const asOf = query.asOf.getTime();
  const cohorts = new Map<string, { customers: number; churnedBy: number[]; months: number }>();
  for (const row of rows) {
    const cohortStart = toDate(row.cohort_start);
    // Months t for which every member of the cohort (acquired up to the month's end) is t months old.
    let months = 0;
    while (addMonths(cohortStart, months + 2).getTime() <= asOf) months += 1;
    const entry = cohorts.get(row.cohort_start) ?? {
      customers: 0,
      churnedBy: new Array<number>(months + 1).fill(0),
      months,
    };
    entry.customers += 1;
    if (row.first_end !== null) {
      const acquired = toDate(row.acquired_at);
      const end = toDate(row.first_end).getTime();
      // Churned by month t when the first stretch ended before t months of tenure.
      for (let t = 1; t <= months; t++) {
        if (end <= addMonths(acquired, t).getTime()) {
          entry.churnedBy[t] = (entry.churnedBy[t] ?? 0) + 1;
          break;
        }
      }
    }
    cohorts.set(row.cohort_start, entry);
  }
  return [...cohorts.entries()]
    .filter(([, entry]) => entry.months >= 1)
    .map(([cohort, entry]) => {
      const survivors = [entry.customers];
      for (let t = 1; t <= entry.months; t++)
        survivors.push((survivors[t - 1] ?? 0) - (entry.churnedBy[t] ?? 0));
      return { cohort: cohort.slice(0, 7), survivors };
    });
}

function toDate(text: string): Date {
  return new Date(`${text.replace(' ', 'T').slice(0, 19)}Z`);
}

// Calendar months in UTC; a day past the month's end (31 Jan + 1 month) rolls into the next month.
function addMonths(date: Date, months: number): Date {
  const shifted = new Date(date.getTime());
  shifted.setUTCMonth(shifted.getUTCMonth() + months);
  return shifted;
}
