/**
 * The shape of a KPI definition. A base KPI lists its contributions: rows of
 * a row source (customer-periods, closed deals, responses, …), each counted
 * thing with what it adds to the numerator and the denominator. The value is
 * an aggregate of those rows, so `--explain` lists exactly the ids behind any
 * number from the same SQL; and KPIs over one source are aggregated in one
 * scan, which is what keeps 45 KPIs fast.
 */
import type { MetricContext } from './context.js';

export const KPI_UNITS = ['count', 'ratio', 'currency', 'days', 'months', 'score'] as const;
export type KpiUnit = (typeof KPI_UNITS)[number];
export type KpiDirection = 'higher_is_better' | 'lower_is_better';
export type KpiBlock =
  | 'spendRates'
  | 'segments'
  | 'customerFacts'
  | 'customerPeriods'
  | 'repActivity'
  | 'deals'
  | 'purchases'
  | 'firstContacts';
export type Subject = 'customer' | 'deal' | 'lead' | 'rep' | 'response' | 'spend' | 'goal';

/**
 * How numerator and denominator become a value: `total` reports the sum of
 * the numerator alone (plain counts and sums, numerator and denominator
 * null); `ratio` divides; `score` is 100 × ratio (NPS); `positive_ratio`
 * divides only by a positive denominator (coverage of a goal not yet met).
 */
export type ValueKind = 'total' | 'ratio' | 'score' | 'positive_ratio';

/** A set of rows KPIs count over: the FROM clause and what identifies each row. */
export type RowSource = {
  readonly id: string;
  readonly blocks: readonly KpiBlock[];
  readonly from: (context: MetricContext) => string;
  /** SQL for the start of the period a row belongs to. */
  readonly period: string;
  readonly subject: Subject;
  readonly subjectId: string;
  /** Links to the slicing dimensions; null when the row has none. */
  readonly customerId?: string;
  readonly repId?: string;
  readonly channel?: string;
};

/** What one source's rows add to a KPI; `where` picks the rows that count. */
export type ContributionPart = {
  readonly source: RowSource;
  readonly where?: string;
  readonly numerator: string;
  readonly denominator?: string;
};

type KpiBase = {
  readonly id: string;
  readonly title: string;
  /** The definition as DESIGN.md gives it; shown by --list, the API and the dashboard. */
  readonly description: string;
  readonly unit: KpiUnit;
  /** How a person reads it: a ratio is a percentage unless it is a multiple (LTV:CAC 3.2×, 104 dials per meeting). */
  readonly display?: 'multiple';
  readonly direction: KpiDirection;
  /**
   * A balance taken at the end of P (MRR, active customers), not a flow
   * summed over P (new customers, won revenue): goals read it at a date.
   */
  readonly isBalance?: boolean;
  /** Null in orders-only workspaces (MRR KPIs need subscriptions). */
  readonly needsSubscriptions?: boolean;
  /**
   * The dimensions its rows can be attributed to; with a filter or breakdown
   * on any other, the value is null rather than wrong. Undefined: all.
   */
  readonly dimensions?: readonly string[];
};

/**
 * The dimensions of KPIs about reps' work (activities, leads, deals): their
 * owner. Customer columns would describe only the rows that have a customer
 * (won deals, not the lost ones), so cutting by them would bias the number.
 */
export const REP_DIMENSIONS: readonly string[] = ['owner_rep_id', 'team'];

export type BaseKpi = KpiBase & {
  readonly kind: 'base';
  readonly valueKind: ValueKind;
  /** Usually one; several (say, spend rows and new customers for CAC) are added up. */
  readonly parts: readonly ContributionPart[];
  /** True while the period's result can still change (a cohort's first year is not over). */
  readonly isPartial?: (periodEndUtc: Date, asOf: Date) => boolean;
};

export type ComponentValues = {
  numerator: number | null;
  denominator: number | null;
  value: number | null;
};

export type CompositeKpi = KpiBase & {
  readonly kind: 'composite';
  /** KPI ids whose results this one combines, period by period and segment by segment. */
  readonly components: readonly string[];
  /** Whether the trailing six monthly churn rates are needed (CLV). */
  readonly needsTrailingChurn?: boolean;
  /** Whether the workspace's gross margin enters the value, so `--explain` shows it. */
  readonly readsGrossMargin?: boolean;
  readonly combine: (
    components: Readonly<Record<string, ComponentValues>>,
    extras: { grossMargin: number; trailingMonthlyChurn: number | null },
  ) => ComponentValues;
};

export type KpiDefinition = BaseKpi | CompositeKpi;

/** Whether `kpi` can be attributed to every column in `columns` (filters and the breakdown). */
export function acceptsSlice(kpi: KpiDefinition, columns: readonly string[]): boolean {
  return (
    kpi.dimensions === undefined || columns.every((column) => kpi.dimensions?.includes(column))
  );
}

/** 64-bit decimals keep every contribution exact to 1/100 of a cent and sum fast. */
export function toContributionAmount(expression: string | undefined): string {
  return expression === undefined
    ? 'CAST(NULL AS DECIMAL(18, 4))'
    : `CAST(${expression} AS DECIMAL(18, 4))`;
}

/** The blocks every part of `kpi` reads. */
export function blocksOf(kpi: BaseKpi): KpiBlock[] {
  return [...new Set(kpi.parts.flatMap((part) => part.source.blocks))];
}

/**
 * One SELECT per part, unioned: period_start, subject, subject_id,
 * customer_id, rep_id, channel, num, den. The rows behind the value.
 */
export function buildContributionsSql(kpi: BaseKpi, context: MetricContext): string {
  return kpi.parts
    .map(({ source, where, numerator, denominator }) => {
      return `SELECT ${source.period} AS period_start,
    '${source.subject}' AS subject,
    CAST(${source.subjectId} AS TEXT) AS subject_id,
    CAST(${source.customerId ?? 'NULL'} AS TEXT) AS customer_id,
    CAST(${source.repId ?? 'NULL'} AS TEXT) AS rep_id,
    CAST(${source.channel ?? 'NULL'} AS TEXT) AS channel,
    ${toContributionAmount(numerator)} AS num,
    ${toContributionAmount(denominator)} AS den
  FROM ${source.from(context)}${where ? `\n  WHERE ${where}` : ''}`;
    })
    .join('\nUNION ALL\n');
}
