/**
 * The metrics engine every surface reads: KPI ids, a grain, a date range, a
 * time zone and slices in; one result per KPI, period and segment out, each
 * with its numerator and denominator. Base KPIs are aggregated in SQL (see
 * metric-session.ts); composites (CLV, sales velocity, …) combine their
 * components' results period by period.
 */
import type { Store } from '../store/store.js';
import {
  acceptsSlice,
  type BaseKpi,
  type ComponentValues,
  type CompositeKpi,
  type KpiDefinition,
  type KpiUnit,
} from './definition.js';
import type { Filter } from './dimensions.js';
import type { MetricCache } from './metric-cache.js';
import { keyOf, withMetricSession, type Aggregates, type MetricSession } from './metric-session.js';
import {
  addBuckets,
  buildPeriodSeries,
  floorToGrain,
  parseLocalDate,
  type Grain,
  type Period,
} from './periods.js';
import { findKpiOrThrow } from './registry.js';

/** A request whose ids, columns and periods have been checked (see parse-metric-request.ts). */
export type MetricQuery = {
  readonly kpis: readonly KpiDefinition[];
  readonly grain: Grain;
  readonly periods: readonly Period[];
  readonly timeZone: string;
  readonly filters: readonly Filter[];
  readonly by: string | undefined;
  readonly asOf: Date;
};

export type MetricResult = {
  metric: string;
  period_start: string;
  period_end: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  unit: KpiUnit;
  segment: string | null;
  partial?: boolean;
};

type SegmentKey = string | null;

/** `cache` keeps derived tables for the next call (see metric-cache.ts). */
export async function computeMetrics(
  store: Store,
  query: MetricQuery,
  cache?: MetricCache,
): Promise<MetricResult[]> {
  return withMetricSession(store, query, (session) => computeInSession(session, query), cache);
}

/**
 * What composites read besides their components, so `--explain` can show
 * the numbers CLV was built from rather than recompute them.
 */
export type CompositeInputs = {
  readonly grossMargin: number;
  /**
   * Per period end and segment (keyed by {@link keyOf}): the up to six
   * monthly churn results CLV averages, oldest first; null ones are skipped.
   */
  readonly trailingChurn: ReadonlyMap<string, readonly MetricResult[]>;
};

/** The metrics of `query` in an open session, so reports can share its blocks. */
export async function computeInSession(
  session: MetricSession,
  query: MetricQuery,
): Promise<MetricResult[]> {
  return (await computeWithInputsInSession(session, query)).results;
}

/** {@link computeInSession}, with the inputs its composites read. */
export async function computeWithInputsInSession(
  session: MetricSession,
  query: MetricQuery,
): Promise<{ results: MetricResult[]; inputs: CompositeInputs }> {
  const needed = collectNeededKpis(query.kpis);
  // A KPI that cannot be cut by the requested columns reports null: no need to compute it.
  const bases = needed.filter(
    (kpi): kpi is BaseKpi => kpi.kind === 'base' && acceptsSlice(kpi, sliceColumnsOf(query)),
  );
  const values = await session.aggregate(bases);
  const segments = new Set<SegmentKey>(await session.segmentValues());
  if (query.by !== undefined) {
    for (const aggregates of values.values()) {
      for (const key of aggregates.keys()) segments.add(key.split('\u0000')[1] || null);
    }
  }
  const inputs: CompositeInputs = {
    grossMargin: session.context.grossMargin,
    trailingChurn: needed.some((kpi) => kpi.kind === 'composite' && kpi.needsTrailingChurn)
      ? await computeTrailingChurn(session, query, values)
      : new Map(),
  };
  for (const kpi of needed) {
    if (kpi.kind === 'composite') {
      values.set(kpi.id, combineComposite(kpi, query, segments, values, inputs));
    }
  }
  const results = query.kpis.flatMap((kpi) =>
    query.periods.flatMap((period) =>
      [...segments].map((segment) =>
        toResult(kpi, period, segment, values.get(kpi.id), query, session),
      ),
    ),
  );
  return { results, inputs };
}

/** The requested KPIs and, before them, every component a composite needs. */
function collectNeededKpis(kpis: readonly KpiDefinition[]): KpiDefinition[] {
  const ordered: KpiDefinition[] = [];
  const visit = (kpi: KpiDefinition) => {
    if (ordered.includes(kpi)) return;
    if (kpi.kind === 'composite') {
      for (const id of kpi.components) visit(findKpiOrThrow(id));
      if (kpi.needsTrailingChurn) visit(findKpiOrThrow('customer_churn_rate'));
    }
    ordered.push(kpi);
  };
  kpis.forEach(visit);
  return ordered;
}

/** The columns `query` filters or breaks down by. */
export function sliceColumnsOf(query: MetricQuery): string[] {
  return [
    ...query.filters.map((filter) => filter.column),
    ...(query.by === undefined ? [] : [query.by]),
  ];
}

const isTotal = (kpi: KpiDefinition) => kpi.kind === 'base' && kpi.valueKind === 'total';

/** What a KPI reports where no row counted: 0 for counts and sums, 0/0 (null) for quotients. */
function emptyValues(kpi: KpiDefinition): ComponentValues {
  return isTotal(kpi)
    ? { numerator: null, denominator: null, value: 0 }
    : { numerator: 0, denominator: 0, value: null };
}

function toResult(
  kpi: KpiDefinition,
  period: Period,
  segment: SegmentKey,
  aggregates: Aggregates | undefined,
  query: MetricQuery,
  session: MetricSession,
): MetricResult {
  const isNull =
    !acceptsSlice(kpi, sliceColumnsOf(query)) ||
    (kpi.needsSubscriptions === true && session.context.mode === 'orders');
  const found = isNull ? undefined : aggregates?.get(keyOf(period.startUtc, segment));
  const values: ComponentValues = isNull
    ? { numerator: null, denominator: null, value: null }
    : found === undefined ||
        (found.numerator === null && found.denominator === null && kpi.kind === 'base')
      ? emptyValues(kpi)
      : found;
  const result: MetricResult = {
    metric: kpi.id,
    period_start: period.startDate,
    period_end: period.endDate,
    value: values.value,
    // Plain counts and sums report no numerator or denominator (DESIGN.md, reading 14).
    numerator: isTotal(kpi)
      ? null
      : isNull
        ? null
        : (values.numerator ?? (kpi.kind === 'base' ? 0 : null)),
    denominator: isTotal(kpi)
      ? null
      : isNull
        ? null
        : (values.denominator ?? (kpi.kind === 'base' ? 0 : null)),
    unit: kpi.unit,
    segment,
  };
  if (kpi.kind === 'base' && kpi.isPartial) {
    result.partial = kpi.isPartial(new Date(`${period.endUtc.replace(' ', 'T')}Z`), query.asOf);
  }
  return result;
}

function combineComposite(
  kpi: CompositeKpi,
  query: MetricQuery,
  segments: ReadonlySet<SegmentKey>,
  values: ReadonlyMap<string, Aggregates>,
  { grossMargin, trailingChurn }: CompositeInputs,
): Aggregates {
  const combined: Aggregates = new Map();
  for (const period of query.periods) {
    for (const segment of segments) {
      const key = keyOf(period.startUtc, segment);
      const components: Record<string, ComponentValues> = {};
      for (const id of kpi.components) {
        components[id] = values.get(id)?.get(key) ?? emptyValues(findKpiOrThrow(id));
      }
      combined.set(
        key,
        kpi.combine(components, {
          grossMargin,
          trailingMonthlyChurn: averageMonthlyChurn(
            trailingChurn.get(keyOf(period.endDate, segment)) ?? [],
          ),
        }),
      );
    }
  }
  return combined;
}

/** The mean of a window's monthly churn rates; months without a start cohort are skipped (DESIGN.md, reading 10). */
function averageMonthlyChurn(window: readonly MetricResult[]): number | null {
  const rates = window.flatMap((result) => (result.value === null ? [] : [result.value]));
  return rates.length === 0 ? null : rates.reduce((sum, rate) => sum + rate, 0) / rates.length;
}

/**
 * The monthly customer churn results of the six calendar months ending at or
 * before each period's end, per segment, keyed by the period's end date.
 */
async function computeTrailingChurn(
  session: MetricSession,
  query: MetricQuery,
  values: ReadonlyMap<string, Aggregates>,
): Promise<Map<string, MetricResult[]>> {
  const firstEnd = parseLocalDate(query.periods[0]?.endDate ?? '');
  const lastEndText = query.periods.at(-1)?.endDate ?? '';
  const lastEnd = parseLocalDate(lastEndText);
  if (!firstEnd || !lastEnd) return new Map();
  const months = buildPeriodSeries(
    addBuckets(floorToGrain(firstEnd, 'month'), 'month', -6),
    lastEnd,
    'month',
    query.timeZone,
  ).filter((month) => month.endDate <= lastEndText);
  const churnKpi = findKpiOrThrow('customer_churn_rate');
  // Monthly requests already hold most of these months: compute only the ones before them.
  const known =
    query.grain === 'month'
      ? new Set(query.periods.map((period) => period.startDate))
      : new Set<string>();
  const missing = months.filter((month) => !known.has(month.startDate));
  const churn =
    missing.length === 0
      ? []
      : await computeInSession(session.forPeriods('month', missing), {
          ...query,
          kpis: [churnKpi],
          grain: 'month',
          periods: missing,
        });
  for (const month of months) {
    if (!known.has(month.startDate)) continue;
    const segments =
      query.by === undefined ? [null] : [...new Set(churn.map((result) => result.segment))];
    for (const aggregateKey of values.get(churnKpi.id)?.keys() ?? []) {
      const [start, segment] = aggregateKey.split('\u0000');
      if (start === month.startUtc && !segments.includes(segment || null))
        segments.push(segment || null);
    }
    for (const segment of segments) {
      const found = values.get(churnKpi.id)?.get(keyOf(month.startUtc, segment));
      churn.push({
        metric: churnKpi.id,
        period_start: month.startDate,
        period_end: month.endDate,
        value: found?.value ?? null,
        numerator: found?.numerator ?? 0,
        denominator: found?.denominator ?? 0,
        unit: churnKpi.unit,
        segment,
      });
    }
  }
  churn.sort((a, b) => a.period_start.localeCompare(b.period_start));
  const windows = new Map<string, MetricResult[]>();
  const segments = new Set(churn.map((result) => result.segment));
  for (const period of query.periods) {
    for (const segment of segments) {
      const window = churn
        .filter((result) => result.segment === segment && result.period_end <= period.endDate)
        .slice(-6);
      windows.set(keyOf(period.endDate, segment), window);
    }
  }
  return windows;
}
