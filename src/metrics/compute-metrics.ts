/**
 * The metrics engine every surface reads: KPI ids, a grain, a date range, a
 * time zone and slices in; one result per KPI, period and segment out, each
 * with its numerator and denominator. Shared building blocks are computed
 * once per request as temp tables; each KPI is then one aggregate over its
 * contribution rows.
 */
import { randomUUID } from 'node:crypto';
import type { SqlValue, Store } from '../store/store.js';
import { createCustomerFactsBlock } from './blocks/customer-facts.js';
import { createCustomerPeriodsBlock } from './blocks/customer-periods.js';
import { createDealsBlock } from './blocks/deals.js';
import { createDimensionsBlock } from './blocks/dimensions.js';
import { assertFxCoverage, createFxBlock } from './blocks/fx.js';
import { createPeriodsBlock } from './blocks/periods-table.js';
import { createRepActivityBlock } from './blocks/rep-activity.js';
import { createSegmentsBlock } from './blocks/segments.js';
import { buildBlockTables, type MetricContext, type WorkspaceMode } from './context.js';
import type {
  BaseKpi,
  ComponentValues,
  CompositeKpi,
  KpiBlock,
  KpiDefinition,
  KpiUnit,
} from './definition.js';
import { buildFilterSql, dimensionExpression, dimensionJoins, type Filter } from './dimensions.js';
import {
  addBuckets,
  buildPeriodSeries,
  floorToGrain,
  parseLocalDate,
  type Grain,
  type Period,
} from './periods.js';
import { findKpiOrThrow } from './registry.js';
import { readWorkspaceSettings } from './workspace-settings.js';

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
type Aggregates = Map<string, ComponentValues>;

const keyOf = (periodStartUtc: string, segment: SegmentKey) =>
  `${periodStartUtc}\u0000${segment ?? ''}`;

export async function computeMetrics(store: Store, query: MetricQuery): Promise<MetricResult[]> {
  return withMetricSession(store, query, async (session) => {
    const needed = collectNeededKpis(query.kpis);
    const values = new Map<string, Aggregates>();
    const segments = new Set<SegmentKey>(query.by === undefined ? [null] : []);
    for (const kpi of needed) {
      if (kpi.kind !== 'base') continue;
      const aggregates = await session.aggregate(kpi);
      values.set(kpi.id, aggregates);
      for (const key of aggregates.keys()) segments.add(key.split('\u0000')[1] || null);
    }
    const trailingChurn = needed.some((kpi) => kpi.kind === 'composite' && kpi.needsTrailingChurn)
      ? await computeTrailingMonthlyChurn(store, query)
      : new Map<string, number | null>();
    for (const kpi of needed) {
      if (kpi.kind === 'composite')
        values.set(
          kpi.id,
          combineComposite(kpi, query, segments, values, trailingChurn, session.context),
        );
    }
    return query.kpis.flatMap((kpi) =>
      query.periods.flatMap((period) =>
        [...segments].map((segment) =>
          toResult(kpi, period, segment, values.get(kpi.id), query, session),
        ),
      ),
    );
  });
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

function isSliceAllowed(kpi: KpiDefinition, query: MetricQuery): boolean {
  if (kpi.dimensions === undefined) return true;
  const used = [
    ...query.filters.map((filter) => filter.column),
    ...(query.by === undefined ? [] : [query.by]),
  ];
  return used.every((column) => kpi.dimensions?.includes(column));
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
    !isSliceAllowed(kpi, query) ||
    (kpi.needsSubscriptions === true && session.context.mode === 'orders');
  const found = isNull ? undefined : aggregates?.get(keyOf(period.startUtc, segment));
  const isTotal = kpi.kind === 'base' && kpi.valueKind === 'total';
  const values: ComponentValues =
    found ??
    (isNull
      ? { numerator: null, denominator: null, value: null }
      : isTotal
        ? { numerator: null, denominator: null, value: 0 }
        : { numerator: 0, denominator: 0, value: null });
  const result: MetricResult = {
    metric: kpi.id,
    period_start: period.startDate,
    period_end: period.endDate,
    value: values.value,
    numerator: isTotal ? null : values.numerator,
    denominator: isTotal ? null : values.denominator,
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
  trailingChurn: ReadonlyMap<string, number | null>,
  context: MetricContext,
): Aggregates {
  const combined: Aggregates = new Map();
  for (const period of query.periods) {
    for (const segment of segments) {
      const key = keyOf(period.startUtc, segment);
      const components: Record<string, ComponentValues> = {};
      for (const id of kpi.components) {
        const component = findKpiOrThrow(id);
        const isTotal = component.kind === 'base' && component.valueKind === 'total';
        components[id] =
          values.get(id)?.get(key) ??
          (isTotal
            ? { numerator: null, denominator: null, value: 0 }
            : { numerator: 0, denominator: 0, value: null });
      }
      combined.set(
        key,
        kpi.combine(components, {
          grossMargin: context.grossMargin,
          trailingMonthlyChurn: trailingChurn.get(keyOf(period.endDate, segment)) ?? null,
        }),
      );
    }
  }
  return combined;
}

/**
 * The mean of the monthly customer churn rates of the six calendar months
 * ending at or before each period's end, per segment, keyed by the period's
 * end date. Months without a start cohort (0 customers) are skipped.
 */
async function computeTrailingMonthlyChurn(
  store: Store,
  query: MetricQuery,
): Promise<Map<string, number | null>> {
  const firstEnd = parseLocalDate(query.periods[0]?.endDate ?? '');
  const lastEnd = parseLocalDate(query.periods.at(-1)?.endDate ?? '');
  if (!firstEnd || !lastEnd) return new Map();
  const months = buildPeriodSeries(
    addBuckets(floorToGrain(firstEnd, 'month'), 'month', -6),
    lastEnd,
    'month',
    query.timeZone,
  ).filter((month) => month.endDate <= (query.periods.at(-1)?.endDate ?? ''));
  const churn = await computeMetrics(store, {
    ...query,
    kpis: [findKpiOrThrow('customer_churn_rate')],
    grain: 'month',
    periods: months,
  });
  const averages = new Map<string, number | null>();
  for (const period of query.periods) {
    const segmentsSeen = new Set(churn.map((result) => result.segment));
    for (const segment of segmentsSeen) {
      const window = churn
        .filter((result) => result.segment === segment && result.period_end <= period.endDate)
        .slice(-6)
        .filter((result) => result.value !== null);
      const mean =
        window.length === 0
          ? null
          : window.reduce((sum, result) => sum + (result.value ?? 0), 0) / window.length;
      averages.set(keyOf(period.endDate, segment), mean);
    }
  }
  return averages;
}

type MetricSession = {
  readonly context: MetricContext;
  aggregate(kpi: BaseKpi): Promise<Aggregates>;
  /** Every contribution row of `kpi` in the period starting at `periodStartUtc`, after filters. */
  contributions(kpi: BaseKpi, periodStartUtc: string): Promise<ContributionRow[]>;
};

export type ContributionRow = {
  subject: string;
  subject_id: string;
  segment: string | null;
  num: number | null;
  den: number | null;
};

/** Builds the per-request temp tables lazily and drops them however the work ends. */
export async function withMetricSession<T>(
  store: Store,
  query: MetricQuery,
  work: (session: MetricSession) => Promise<T>,
): Promise<T> {
  return store.transaction(async (tx) => {
    const settings = await readWorkspaceSettings(tx);
    const mode = await readWorkspaceMode(tx);
    const context: MetricContext = {
      dialect: tx.dialect,
      tables: buildBlockTables(randomUUID().replaceAll('-', '').slice(0, 12)),
      mode,
      reportingCurrency: settings.reportingCurrency,
      grossMargin: settings.grossMargin,
      orderActiveDays: settings.orderActiveDays,
      asOfUtc: query.asOf.toISOString().slice(0, 19).replace('T', ' '),
    };
    const created: string[] = [];
    const creating = new Map<string, Promise<void>>();
    const ensure = (name: KpiBlock | 'periods' | 'fx' | 'dimensions'): Promise<void> => {
      let pending = creating.get(name);
      if (!pending) {
        pending = createBlock(name);
        creating.set(name, pending);
      }
      return pending;
    };
    const createBlock = async (name: KpiBlock | 'periods' | 'fx' | 'dimensions'): Promise<void> => {
      switch (name) {
        case 'periods':
          await createPeriodsBlock(tx, context, query.periods);
          break;
        case 'fx':
          await createFxBlock(tx, context);
          await assertFxCoverage(tx, context);
          break;
        case 'segments':
          await ensure('fx');
          await createSegmentsBlock(tx, context);
          break;
        case 'customerFacts':
          await ensure('segments');
          await createCustomerFactsBlock(tx, context);
          break;
        case 'customerPeriods':
          await ensure('segments');
          await ensure('periods');
          await createCustomerPeriodsBlock(tx, context);
          break;
        case 'deals':
          await ensure('fx');
          await createDealsBlock(tx, context);
          break;
        case 'repActivity':
          await ensure('periods');
          await createRepActivityBlock(tx, context);
          break;
        case 'dimensions':
          await createDimensionsBlock(tx, context);
          break;
      }
      created.push(context.tables[name]);
    };
    const isSliced = query.filters.length > 0 || query.by !== undefined;
    const prepare = async (kpi: BaseKpi) => {
      await ensure('periods');
      await ensure('fx');
      for (const block of kpi.blocks) await ensure(block);
      if (isSliced) await ensure('dimensions');
    };
    const slicedSql = (kpi: BaseKpi, extraWhere: string, params: SqlValue[]) => {
      const filter = buildFilterSql(query.filters, context, params.length + 1);
      params.push(...filter.params);
      const segment =
        query.by === undefined
          ? 'CAST(NULL AS TEXT)'
          : `CAST(${dimensionExpression(query.by, context)} AS TEXT)`;
      return {
        segment,
        from: `(${kpi.contributions(context)}) c ${isSliced ? dimensionJoins(context) : ''}
               WHERE ${filter.sql}${extraWhere}`,
      };
    };
    const session: MetricSession = {
      context,
      async aggregate(kpi) {
        await prepare(kpi);
        const params: SqlValue[] = [];
        const { segment, from } = slicedSql(kpi, '', params);
        const rows = await tx.query<{
          period_start: string;
          segment: string | null;
          numerator: string | null;
          denominator: string | null;
          value: number | null;
        }>(
          `SELECT c.period_start, ${segment} AS segment,
                  sum(c.num) AS numerator, sum(c.den) AS denominator,
                  ${valueExpression(kpi)} AS value
           FROM ${from}
           GROUP BY c.period_start, ${segment}`,
          params,
        );
        const aggregates: Aggregates = new Map();
        for (const row of rows) {
          aggregates.set(keyOf(toTimestampKey(row.period_start), row.segment), {
            numerator: toNumber(row.numerator),
            denominator: toNumber(row.denominator),
            value: row.value === null ? null : Number(row.value),
          });
        }
        return aggregates;
      },
      async contributions(kpi, periodStartUtc) {
        await prepare(kpi);
        const params: SqlValue[] = [periodStartUtc];
        const { segment, from } = slicedSql(
          kpi,
          ` AND c.period_start = CAST($1 AS TIMESTAMP)`,
          params,
        );
        const rows = await tx.query<{
          subject: string;
          subject_id: string;
          segment: string | null;
          num: string | null;
          den: string | null;
        }>(
          `SELECT c.subject, c.subject_id, ${segment} AS segment, c.num, c.den FROM ${from}
           ORDER BY c.subject, c.subject_id`,
          params,
        );
        return rows.map((row) => ({ ...row, num: toNumber(row.num), den: toNumber(row.den) }));
      },
    };
    try {
      return await work(session);
    } finally {
      for (const table of created.reverse()) await tx.query(`DROP TABLE IF EXISTS ${table}`);
    }
  });
}

/** The value from the sums, in SQL: every KPI's arithmetic stays next to its data. */
function valueExpression(kpi: BaseKpi): string {
  const ratio = `CAST(sum(c.num) AS DOUBLE PRECISION) / sum(c.den)`;
  switch (kpi.valueKind) {
    case 'total':
      return `CAST(coalesce(sum(c.num), 0) AS DOUBLE PRECISION)`;
    case 'ratio':
      return `CASE WHEN coalesce(sum(c.den), 0) = 0 THEN NULL ELSE ${ratio} END`;
    case 'score':
      return `CASE WHEN coalesce(sum(c.den), 0) = 0 THEN NULL ELSE 100 * ${ratio} END`;
    case 'positive_ratio':
      return `CASE WHEN coalesce(sum(c.den), 0) <= 0 THEN NULL ELSE ${ratio} END`;
  }
}

function toNumber(value: SqlValue): number | null {
  return value === null ? null : Number(value);
}

/** `2025-08-01T00:00:00Z` (store form) → `2025-08-01 00:00:00` (period key form). */
function toTimestampKey(iso: string): string {
  return iso.replace('T', ' ').replace(/(\.\d+)?Z$/, '');
}

async function readWorkspaceMode(store: Store): Promise<WorkspaceMode> {
  const [row] = await store.query<{ n: number }>(
    `SELECT count(*) AS n FROM (SELECT 1 FROM subscriptions LIMIT 1) s`,
  );
  return (row?.n ?? 0) > 0 ? 'subscriptions' : 'orders';
}
