/**
 * The shape of a KPI definition. A base KPI is SQL that lists its
 * contributions: one row per counted thing (customer, deal, activity,
 * response, spend row) and period, with what it adds to the numerator and
 * the denominator. The value is an aggregate of those rows, so `--explain`
 * can list exactly the ids behind any number, from the same SQL.
 */
import type { MetricContext } from './context.js';

export type KpiUnit = 'count' | 'ratio' | 'currency' | 'days' | 'score';
export type KpiDirection = 'higher_is_better' | 'lower_is_better';
export type KpiBlock = 'segments' | 'customerFacts' | 'customerPeriods' | 'repActivity' | 'deals';

/**
 * How numerator and denominator become a value: `total` reports the sum of
 * the numerator alone (plain counts and sums, numerator and denominator
 * null); `ratio` divides; `score` is 100 × ratio (NPS); `positive_ratio`
 * divides only by a positive denominator (coverage of a goal not yet met).
 */
export type ValueKind = 'total' | 'ratio' | 'score' | 'positive_ratio';

type KpiBase = {
  readonly id: string;
  readonly title: string;
  /** The definition as DESIGN.md gives it; shown by --list, the API and the dashboard. */
  readonly description: string;
  readonly unit: KpiUnit;
  readonly direction: KpiDirection;
  /** Null in orders-only workspaces (MRR KPIs need subscriptions). */
  readonly needsSubscriptions?: boolean;
  /**
   * The dimensions its rows can be attributed to; with a filter or breakdown
   * on any other, the value is null rather than wrong. Undefined: all.
   */
  readonly dimensions?: readonly string[];
};

export type BaseKpi = KpiBase & {
  readonly kind: 'base';
  readonly valueKind: ValueKind;
  readonly blocks: readonly KpiBlock[];
  /** SELECT period_start, subject, subject_id, customer_id, rep_id, channel, num, den. */
  readonly contributions: (context: MetricContext) => string;
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
  readonly combine: (
    components: Readonly<Record<string, ComponentValues>>,
    extras: { grossMargin: number; trailingMonthlyChurn: number | null },
  ) => ComponentValues;
};

export type KpiDefinition = BaseKpi | CompositeKpi;

type ContributionParts = {
  readonly from: string;
  readonly where?: string;
  readonly period?: string;
  readonly subject:
    'customer' | 'deal' | 'activity' | 'lead' | 'rep' | 'response' | 'spend' | 'goal';
  readonly subjectId: string;
  readonly customerId?: string;
  readonly repId?: string;
  readonly channel?: string;
  readonly numerator: string;
  readonly denominator?: string;
};

/** Builds one contribution SELECT with the columns every KPI's rows share. */
export function selectContributions(parts: ContributionParts): string {
  const amount = (expression: string | undefined) =>
    expression === undefined
      ? 'CAST(NULL AS DECIMAL(38, 10))'
      : `CAST(${expression} AS DECIMAL(38, 10))`;
  return `SELECT ${parts.period ?? 'p.period_start'} AS period_start,
    '${parts.subject}' AS subject,
    CAST(${parts.subjectId} AS TEXT) AS subject_id,
    CAST(${parts.customerId ?? 'NULL'} AS TEXT) AS customer_id,
    CAST(${parts.repId ?? 'NULL'} AS TEXT) AS rep_id,
    CAST(${parts.channel ?? 'NULL'} AS TEXT) AS channel,
    ${amount(parts.numerator)} AS num,
    ${amount(parts.denominator)} AS den
  FROM ${parts.from}${parts.where ? `\n  WHERE ${parts.where}` : ''}`;
}
