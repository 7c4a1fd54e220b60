/**
 * One request's working set: the shared building blocks as temp tables,
 * created on first use and dropped at the end, and the queries that
 * aggregate KPIs over them. KPIs that count over the same row source are
 * aggregated in one scan. Temp tables are named per request, so two requests
 * on one connection cannot collide.
 */
import { randomUUID } from 'node:crypto';
import { readDataVersion } from '../store/data-version.js';
import type { Row, SqlValue, Store } from '../store/store.js';
import { createCustomerFactsBlock } from './blocks/customer-facts.js';
import { buildCustomerPeriodsSql } from './blocks/customer-periods.js';
import { createCustomerTimelineBlock } from './blocks/customer-timeline.js';
import { createDealsBlock } from './blocks/deals.js';
import { createDimensionsBlock } from './blocks/dimensions.js';
import { createFirstContactsBlock } from './blocks/first-contacts.js';
import { assertFxCoverage, SPEND_MONEY } from './blocks/fx.js';
import { createPeriodsBlock } from './blocks/periods-table.js';
import { createPurchasesBlock } from './blocks/purchases.js';
import { createRepActivityBlock } from './blocks/rep-activity.js';
import { createSegmentsBlock } from './blocks/segments.js';
import {
  buildBlockTables,
  type BlockTables,
  type MetricContext,
  type WorkspaceMode,
} from './context.js';
import {
  blocksOf,
  buildContributionsSql,
  toContributionAmount,
  type BaseKpi,
  type ComponentValues,
  type KpiBlock,
  type RowSource,
  type ValueKind,
} from './definition.js';
import {
  buildFilterSql,
  CONTRIBUTION_LINKS,
  dimensionExpression,
  dimensionJoins,
  type Filter,
  type RowLinks,
} from './dimensions.js';
import type { Grain, Period } from './periods.js';
import {
  evictPeriodTables,
  resetMetricCache,
  rememberPeriodTable,
  toPeriodKey,
  validateMetricCache,
  type MetricCache,
} from './metric-cache.js';
import { readWorkspaceSettings } from './workspace-settings.js';

export type SessionQuery = {
  readonly grain: Grain;
  readonly timeZone: string;
  readonly periods: readonly Period[];
  readonly filters: readonly Filter[];
  readonly by: string | undefined;
  readonly asOf: Date;
};

/** Sums per period and segment, keyed by {@link keyOf}. */
export type Aggregates = Map<string, ComponentValues>;

export const keyOf = (periodStartUtc: string, segment: string | null) =>
  `${periodStartUtc}\u0000${segment ?? ''}`;

export type ContributionRow = {
  subject: string;
  subject_id: string;
  segment: string | null;
  num: number | null;
  den: number | null;
};

export type MetricSession = {
  readonly context: MetricContext;
  /** Aggregates every KPI, one scan per row source; keyed by KPI id. */
  aggregate(kpis: readonly BaseKpi[]): Promise<Map<string, Aggregates>>;
  /** Every contribution row of `kpi` in the period starting at `periodStartUtc`, after filters. */
  contributions(kpi: BaseKpi, periodStartUtc: string): Promise<ContributionRow[]>;
  /**
   * Runs the SQL of a report built on the blocks (cohorts, survival); `filter`
   * joins the dimensions to a row whose customer id is `c.customer_id`, and
   * `segment` is that row's value of the breakdown column (NULL without one).
   */
  select<TRow extends Row>(
    blocks: readonly KpiBlock[],
    build: (
      context: MetricContext,
      filter: { joins: string; where: string; segment: string },
    ) => string,
  ): Promise<TRow[]>;
  /** Every value the breakdown column takes over the customers, so every segment gets a row. */
  segmentValues(): Promise<(string | null)[]>;
  /** The same session over other periods: blocks that do not depend on periods are shared. */
  forPeriods(grain: Grain, periods: readonly Period[]): MetricSession;
};

type BlockName = KpiBlock | 'periods' | 'dimensions' | 'customerTimeline';
/** Blocks that depend on the periods or on the as-of instant (deals' win probabilities, plans). */
const PERIOD_BLOCKS: readonly BlockName[] = [
  'periods',
  'customerPeriods',
  'repActivity',
  'deals',
  'dimensions',
];
/**
 * Blocks that, read by a single query, cost less computed inside it (only the
 * columns it uses, nothing written out) than materialized first: without a
 * cache the first read gets a view, a second read turns it into a table.
 */
const VIEW_UNTIL_READ_TWICE: readonly BlockName[] = ['customerPeriods'];

export async function withMetricSession<T>(
  store: Store,
  query: SessionQuery,
  work: (session: MetricSession) => Promise<T>,
  requestedCache?: MetricCache,
): Promise<T> {
  // Only a DuckDB file is sure to have no other writer; a shared server's data can change under a cache.
  const cache = store.kind === 'duckdb' ? requestedCache : undefined;
  // Not a transaction: DuckDB would plan every read of the fresh blocks as if they were empty.
  return store.withConnection(async (tx) => {
    const settings = await readWorkspaceSettings(tx);
    const mode = await readWorkspaceMode(tx);
    if (cache) {
      const dataVersion = await readDataVersion(tx);
      await validateMetricCache(cache, tx, JSON.stringify([dataVersion, settings, mode]));
    }
    const asOfUtc = query.asOf.toISOString().slice(0, 19).replace('T', ' ');
    const baseContext: MetricContext = {
      dialect: tx.dialect,
      tables: cache
        ? tablesFor(cache.id, toPeriodKey([query.periods, asOfUtc]))
        : buildBlockTables(newRequestId()),
      mode,
      reportingCurrency: settings.reportingCurrency,
      grossMargin: settings.grossMargin,
      orderActiveDays: settings.orderActiveDays,
      stageProbabilities: settings.stageProbabilities,
      asOfUtc,
      grain: query.grain,
      timeZone: query.timeZone,
    };
    /** Tables to drop when the session ends: all of them, unless a cache keeps them. */
    const created: string[] = [];
    /** Blocks read once so far, as views; their creation steps, so two reads cannot race. */
    const views = new Map<string, Promise<'view' | 'table'>>();
    const pending = cache?.pending ?? new Map<string, Promise<void>>();
    const periodKeysInUse = new Set<string>();

    const makeSession = (context: MetricContext, periods: readonly Period[]): MetricSession => {
      const periodKey = toPeriodKey([periods, context.asOfUtc]);
      periodKeysInUse.add(periodKey);
      const ensure = (name: BlockName): Promise<void> => {
        const table = context.tables[name];
        let creation = pending.get(table);
        if (!creation) {
          creation = createBlock(name).then(async () => {
            const analyze = name === 'spendRates' ? undefined : tx.dialect.analyze(table);
            if (analyze) await tx.query(analyze);
          });
          pending.set(table, creation);
          // The spend-rate check creates no table; a cache keeps the rest.
          const isTable = name !== 'spendRates';
          if (isTable && !cache) created.push(table);
          if (isTable && cache && PERIOD_BLOCKS.includes(name)) {
            rememberPeriodTable(cache, periodKey, table);
          }
          // A failed creation must not be remembered as done.
          creation.catch(() => pending.delete(table));
        }
        return creation;
      };
      const createBlock = async (name: BlockName): Promise<void> => {
        switch (name) {
          case 'periods':
            return createPeriodsBlock(tx, context, periods);
          case 'spendRates':
            return assertFxCoverage(tx, context, [SPEND_MONEY]);
          case 'segments':
            return createSegmentsBlock(tx, context);
          case 'customerFacts':
            await ensure('segments');
            return createCustomerFactsBlock(tx, context);
          case 'customerTimeline':
            await ensure('segments');
            return createCustomerTimelineBlock(tx, context);
          case 'customerPeriods':
            await ensureCustomerPeriodsInputs();
            await tx.query(
              `CREATE TEMPORARY TABLE ${context.tables.customerPeriods} AS ${buildCustomerPeriodsSql(context)}`,
            );
            return;
          case 'deals':
            return createDealsBlock(tx, context);
          case 'repActivity':
            await ensure('periods');
            return createRepActivityBlock(tx, context);
          case 'purchases':
            return createPurchasesBlock(tx, context);
          case 'firstContacts':
            return createFirstContactsBlock(tx, context);
          case 'dimensions':
            await ensure('segments');
            return createDimensionsBlock(tx, context);
        }
      };
      const ensureCustomerPeriodsInputs = async () => {
        await ensure('customerTimeline');
        await ensure('periods');
      };
      /** Makes `name` readable by one more query: a view on the first read, a table from the second. */
      const ensureForRead = async (name: BlockName): Promise<void> => {
        if (cache || !VIEW_UNTIL_READ_TWICE.includes(name)) return ensure(name);
        const table = context.tables[name];
        const previous = views.get(table);
        const step = (async () => {
          const state = await previous;
          if (state === 'table') return state;
          if (state === undefined) {
            await ensureCustomerPeriodsInputs();
            await tx.query(`CREATE TEMPORARY VIEW ${table} AS ${buildCustomerPeriodsSql(context)}`);
            return 'view';
          }
          await tx.query(`DROP VIEW ${table}`);
          await ensure(name);
          return 'table';
        })();
        views.set(table, step);
        await step;
      };
      const isSliced = query.filters.length > 0 || query.by !== undefined;
      /** Creates what one query is about to read; call once per query, so reads can be counted. */
      const prepare = async (blocks: readonly KpiBlock[]) => {
        await ensure('periods');
        for (const block of new Set(blocks)) await ensureForRead(block);
        if (isSliced) await ensure('dimensions');
      };
      /** The breakdown value of a row linked by `links`, as text (NULL when not broken down). */
      const segmentOf = (links: RowLinks) =>
        query.by === undefined
          ? 'CAST(NULL AS TEXT)'
          : `CAST(${dimensionExpression(query.by, context, links)} AS TEXT)`;
      /** FROM, joins and WHERE for rows linked by `links`, and the segment expression. */
      const slice = (from: string, links: RowLinks, params: SqlValue[], extraWhere = '') => {
        const filter = buildFilterSql(query.filters, context, links, params.length + 1);
        params.push(...filter.params);
        return {
          segment: segmentOf(links),
          sql: `${from} ${isSliced ? dimensionJoins(context, links) : ''} WHERE ${filter.sql}${extraWhere}`,
        };
      };

      const aggregateSource = async (
        source: RowSource,
        kpis: readonly BaseKpi[],
        result: Map<string, Aggregates>,
      ) => {
        const params: SqlValue[] = [];
        const links = {
          customerId: source.customerId ?? 'CAST(NULL AS TEXT)',
          repId: source.repId ?? 'CAST(NULL AS TEXT)',
          channel: source.channel ?? 'CAST(NULL AS TEXT)',
        };
        const { segment, sql } = slice(source.from(context), links, params);
        const sums = kpis.flatMap((kpi, index) => {
          const part = kpi.parts[0];
          const counted = (expression: string | undefined) =>
            expression === undefined
              ? 'CAST(NULL AS DECIMAL(18, 4))'
              : part?.where === undefined
                ? `sum(${toContributionAmount(expression)})`
                : `sum(CASE WHEN ${part.where} THEN ${toContributionAmount(expression)} END)`;
          return [
            `${counted(part?.numerator)} AS n${index}`,
            `${counted(part?.denominator)} AS d${index}`,
          ];
        });
        const values = kpis.map(
          (kpi, index) =>
            `${valueExpression(kpi.valueKind, `n${index}`, `d${index}`)} AS v${index}`,
        );
        const rows = await tx.query(
          `SELECT sums.*, ${values.join(', ')}
           FROM (SELECT ${source.period} AS period_start, ${segment} AS segment, ${sums.join(', ')}
                 FROM ${sql}
                 GROUP BY ${source.period}, ${segment}) sums`,
          params,
        );
        kpis.forEach((kpi, index) => {
          const aggregates: Aggregates = new Map();
          for (const row of rows) {
            aggregates.set(
              keyOf(
                toTimestampKey(String(row.period_start)),
                (row.segment as string | null) ?? null,
              ),
              {
                numerator: toNumber(row[`n${index}`] ?? null),
                denominator: toNumber(row[`d${index}`] ?? null),
                value: toNumber(row[`v${index}`] ?? null),
              },
            );
          }
          result.set(kpi.id, aggregates);
        });
      };

      const aggregateUnion = async (kpi: BaseKpi, result: Map<string, Aggregates>) => {
        const params: SqlValue[] = [];
        const { segment, sql } = slice(
          `(${buildContributionsSql(kpi, context)}) c`,
          CONTRIBUTION_LINKS,
          params,
        );
        const rows = await tx.query(
          `SELECT sums.*, ${valueExpression(kpi.valueKind, 'numerator', 'denominator')} AS value
           FROM (SELECT c.period_start, ${segment} AS segment, sum(c.num) AS numerator, sum(c.den) AS denominator
                 FROM ${sql} GROUP BY c.period_start, ${segment}) sums`,
          params,
        );
        const aggregates: Aggregates = new Map();
        for (const row of rows) {
          aggregates.set(
            keyOf(toTimestampKey(String(row.period_start)), (row.segment as string | null) ?? null),
            {
              numerator: toNumber(row.numerator ?? null),
              denominator: toNumber(row.denominator ?? null),
              value: toNumber(row.value ?? null),
            },
          );
        }
        result.set(kpi.id, aggregates);
      };

      return {
        context,
        async aggregate(kpis) {
          const result = new Map<string, Aggregates>();
          const bySource = new Map<RowSource, BaseKpi[]>();
          for (const kpi of kpis) {
            const [onlyPart] = kpi.parts;
            if (kpi.parts.length === 1 && onlyPart) {
              bySource.set(onlyPart.source, [...(bySource.get(onlyPart.source) ?? []), kpi]);
            } else {
              await prepare(blocksOf(kpi));
              await aggregateUnion(kpi, result);
            }
          }
          for (const [source, group] of bySource) {
            await prepare(source.blocks);
            await aggregateSource(source, group, result);
          }
          return result;
        },
        async contributions(kpi, periodStartUtc) {
          await prepare(blocksOf(kpi));
          const params: SqlValue[] = [periodStartUtc];
          const { segment, sql } = slice(
            `(${buildContributionsSql(kpi, context)}) c`,
            CONTRIBUTION_LINKS,
            params,
            ' AND c.period_start = CAST($1 AS TIMESTAMP)',
          );
          const rows = await tx.query<{
            subject: string;
            subject_id: string;
            segment: string | null;
            num: string | null;
            den: string | null;
          }>(
            `SELECT c.subject, c.subject_id, ${segment} AS segment, c.num, c.den FROM ${sql} ORDER BY c.subject, c.subject_id`,
            params,
          );
          return rows.map((row) => ({ ...row, num: toNumber(row.num), den: toNumber(row.den) }));
        },
        async select(blocks, build) {
          await prepare(blocks);
          const params: SqlValue[] = [];
          const filter = buildFilterSql(query.filters, context, CONTRIBUTION_LINKS, 1);
          params.push(...filter.params);
          const joins = isSliced ? dimensionJoins(context, CONTRIBUTION_LINKS) : '';
          return tx.query(
            build(context, { joins, where: filter.sql, segment: segmentOf(CONTRIBUTION_LINKS) }),
            params,
          );
        },
        async segmentValues() {
          if (query.by === undefined) return [null];
          await ensure('dimensions');
          const links = {
            customerId: 'c.id',
            repId: 'CAST(NULL AS TEXT)',
            channel: 'CAST(NULL AS TEXT)',
          };
          const rows = await tx.query<{ segment: string | null }>(
            `SELECT DISTINCT CAST(${dimensionExpression(query.by, context, links)} AS TEXT) AS segment
             FROM customers c ${dimensionJoins(context, links)} ORDER BY 1`,
          );
          return rows.map((row) => row.segment);
        },
        forPeriods(grain, otherPeriods) {
          const fresh = cache
            ? tablesFor(cache.id, toPeriodKey([otherPeriods, context.asOfUtc]))
            : buildBlockTables(newRequestId());
          const tables: BlockTables = { ...context.tables };
          for (const name of PERIOD_BLOCKS) (tables as Record<string, string>)[name] = fresh[name];
          return makeSession({ ...context, tables, grain }, otherPeriods);
        },
      };
    };

    try {
      return await work(makeSession(baseContext, query.periods));
    } catch (error) {
      // A block may be half made: start the cache afresh.
      if (cache) await resetMetricCache(cache, tx);
      throw error;
    } finally {
      for (const [view, step] of views) {
        if ((await step.catch(() => undefined)) === 'view')
          await tx.query(`DROP VIEW IF EXISTS ${view}`);
      }
      for (const table of created.reverse()) await tx.query(`DROP TABLE IF EXISTS ${table}`);
      if (cache) await evictPeriodTables(cache, tx, periodKeysInUse);
    }
  });
}

/** Cached table names: period-independent blocks per cache, the rest per period set too. */
function tablesFor(cacheId: string, periodKey: string): BlockTables {
  const shared = buildBlockTables(cacheId);
  const perPeriods = buildBlockTables(`${cacheId}_${periodKey}`);
  return {
    ...shared,
    ...Object.fromEntries(PERIOD_BLOCKS.map((name) => [name, perPeriods[name]])),
  };
}

function newRequestId(): string {
  return randomUUID().replaceAll('-', '').slice(0, 12);
}

/** The value from the sums, in SQL: every KPI's arithmetic stays next to its data. */
function valueExpression(kind: ValueKind, numerator: string, denominator: string): string {
  const ratio = `CAST(${numerator} AS DOUBLE PRECISION) / ${denominator}`;
  switch (kind) {
    case 'total':
      return `CAST(coalesce(${numerator}, 0) AS DOUBLE PRECISION)`;
    case 'ratio':
      return `CASE WHEN coalesce(${denominator}, 0) = 0 THEN NULL ELSE ${ratio} END`;
    case 'score':
      return `CASE WHEN coalesce(${denominator}, 0) = 0 THEN NULL ELSE 100 * ${ratio} END`;
    case 'positive_ratio':
      return `CASE WHEN coalesce(${denominator}, 0) <= 0 THEN NULL ELSE ${ratio} END`;
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
