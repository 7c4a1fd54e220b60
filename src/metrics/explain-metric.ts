/**
 * `--explain`: a KPI's definition and, for one period, every row behind its
 * number: the customers, deals, reps or responses counted, with what each
 * adds to the numerator and the denominator. The rows come from the same SQL
 * as the value, so the two cannot disagree. A composite is explained through
 * its components, down to the rows of each base KPI it is built from.
 */
import type { Store } from '../store/store.js';
import {
  computeWithInputsInSession,
  sliceColumnsOf,
  type CompositeInputs,
  type MetricQuery,
  type MetricResult,
} from './compute-metrics.js';
import {
  acceptsSlice,
  type CompositeKpi,
  type KpiDefinition,
  type KpiDirection,
  type KpiUnit,
  type Subject,
} from './definition.js';
import {
  keyOf,
  withMetricSession,
  type ContributionRow,
  type MetricSession,
} from './metric-session.js';
import type { Period } from './periods.js';
import { findKpiOrThrow } from './registry.js';

/** What a reader needs to know about a KPI; not its SQL. */
export type KpiSummary = {
  id: string;
  title: string;
  unit: KpiUnit;
  direction: KpiDirection;
  description: string;
};

/** One counted thing and what it adds to each side of the quotient (null: that side is not summed). */
export type ExplanationRow = {
  subject: Subject;
  id: string;
  segment: string | null;
  numerator: number | null;
  denominator: number | null;
};

/** What a composite reads besides its components: the gross margin (CLV, CAC payback), and CLV's trailing churn. */
export type ExplanationInputs = {
  gross_margin: number;
  /** CLV's monthly churn results averaged, per segment, oldest first (a null value was skipped); else empty. */
  trailing_monthly_churn: MetricResult[];
};

export type MetricExplanation = {
  kpi: KpiSummary;
  /** The KPI's results in the period, one per segment. */
  results: MetricResult[];
  /** A base KPI's rows, those adding to the numerator first, then by id; empty for a composite. */
  rows: ExplanationRow[];
  /** A composite's components, each explained the same way; empty for a base KPI. */
  components: MetricExplanation[];
  inputs: ExplanationInputs | null;
};

export function toKpiSummary(kpi: KpiDefinition): KpiSummary {
  const { id, title, unit, direction, description } = kpi;
  return { id, title, unit, direction, description };
}

/** Explains every KPI of `query` (one, or a family's members) for the first period of `query`. */
export async function explainMetrics(
  store: Store,
  query: MetricQuery,
): Promise<MetricExplanation[]> {
  const period = query.periods[0];
  if (!period) throw new Error('explainMetrics needs a period');
  const single = { ...query, periods: [period] };
  return withMetricSession(store, single, async (session) => {
    const { results, inputs } = await computeWithInputsInSession(session, {
      ...single,
      kpis: collectKpiTree(query.kpis),
    });
    const explanations: MetricExplanation[] = [];
    for (const kpi of query.kpis) {
      explanations.push(await explainInSession(session, kpi, { query, period, results, inputs }));
    }
    return explanations;
  });
}

type Computed = {
  query: MetricQuery;
  period: Period;
  results: readonly MetricResult[];
  inputs: CompositeInputs;
};

async function explainInSession(
  session: MetricSession,
  kpi: KpiDefinition,
  computed: Computed,
): Promise<MetricExplanation> {
  const results = computed.results.filter((result) => result.metric === kpi.id);
  if (kpi.kind === 'composite') {
    const components: MetricExplanation[] = [];
    for (const id of kpi.components) {
      components.push(await explainInSession(session, findKpiOrThrow(id), computed));
    }
    return {
      kpi: toKpiSummary(kpi),
      results,
      rows: [],
      components,
      inputs:
        kpi.needsTrailingChurn || kpi.readsGrossMargin ? toInputs(kpi, results, computed) : null,
    };
  }
  const { query, period } = computed;
  // A KPI that cannot be cut by the slice reports null; rows cut by it would be wrong.
  const rows = acceptsSlice(kpi, sliceColumnsOf(query))
    ? orderRows(toRows(await session.contributions(kpi, period.startUtc)))
    : [];
  return { kpi: toKpiSummary(kpi), results, rows, components: [], inputs: null };
}

/** The KPIs and, recursively, every component of a composite among them. */
function collectKpiTree(kpis: readonly KpiDefinition[]): KpiDefinition[] {
  const tree = new Set<KpiDefinition>();
  const visit = (kpi: KpiDefinition) => {
    tree.add(kpi);
    if (kpi.kind === 'composite') kpi.components.map(findKpiOrThrow).forEach(visit);
  };
  kpis.forEach(visit);
  return [...tree];
}

function toInputs(
  kpi: CompositeKpi,
  results: readonly MetricResult[],
  computed: Computed,
): ExplanationInputs {
  return {
    gross_margin: computed.inputs.grossMargin,
    trailing_monthly_churn: kpi.needsTrailingChurn
      ? results.flatMap(
          (result) =>
            computed.inputs.trailingChurn.get(keyOf(computed.period.endDate, result.segment)) ?? [],
        )
      : [],
  };
}

/** Readable names; rows that add nothing to either side are not behind the number. */
function toRows(contributions: readonly ContributionRow[]): ExplanationRow[] {
  return contributions
    .filter((row) => isCounted(row.num) || isCounted(row.den))
    .map((row) => ({
      subject: row.subject as Subject,
      id: row.subject_id,
      segment: row.segment,
      numerator: row.num,
      denominator: row.den,
    }));
}

export function isCounted(amount: number | null): boolean {
  return amount !== null && amount !== 0;
}

/** The few in the numerator (the churned, the won) first, so they are not buried among the denominator. */
function orderRows(rows: ExplanationRow[]): ExplanationRow[] {
  const rank = (row: ExplanationRow) => (isCounted(row.numerator) ? 0 : 1);
  const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return rows.sort(
    (a, b) => rank(a) - rank(b) || compare(a.subject, b.subject) || compare(a.id, b.id),
  );
}
