/**
 * What every KPI's SQL may refer to while one request is computed: the temp
 * tables of the shared building blocks (named per request, so two requests on
 * one connection cannot collide), the dialect, and the workspace settings.
 */
import type { SqlDialect } from '../store/sql-dialect.js';
import type { Grain } from './periods.js';

export type WorkspaceMode = 'subscriptions' | 'orders';

export type BlockTables = {
  /** One row per period: period_start, period_end (UTC), labels, working_days, as_of_point, elapsed_point. */
  readonly periods: string;
  /** Marks the check that every spend row in a foreign currency has a rate (no table). */
  readonly spendRates: string;
  /** Paying stretches of each subscription at one MRR: customer_id, pay_start, pay_end, mrr, seats, end_reason. */
  readonly segments: string;
  /** Per customer and event: the balance from that instant to the next (MRR, seats, activity, latest end). */
  readonly customerTimeline: string;
  /** Per customer: acquired_at, first_end, first_end_reason. */
  readonly customerFacts: string;
  /** Per customer and period: MRR, seats and activity at the start and the end. */
  readonly customerPeriods: string;
  /** Deals with the amount in the reporting currency and the historical win probability. */
  readonly deals: string;
  /** Per rep and period: activity counts by kind, outbound calls, meetings booked. */
  readonly repActivity: string;
  /** Every purchase (order, or paid invoice without orders) with its rank in the customer's history. */
  readonly purchases: string;
  /** Per lead: the first outbound contact ever. */
  readonly firstContacts: string;
  /** Per customer: the columns segments are cut by (segment, region, …, plan, attributes). */
  readonly dimensions: string;
};

export type MetricContext = {
  readonly dialect: SqlDialect;
  readonly tables: BlockTables;
  readonly mode: WorkspaceMode;
  /** ISO-4217 code; validated, so SQL may embed it as a literal. */
  readonly reportingCurrency: string;
  /** Fraction of revenue kept after cost of service, for CLV and CAC payback. */
  readonly grossMargin: number;
  /** Win probability per deal stage, where configured (weighted pipeline). */
  readonly stageProbabilities: Readonly<Record<string, number>>;
  /** Orders-only workspaces: a customer is active this many days after each order. */
  readonly orderActiveDays: number;
  /** Timestamp literal text (`YYYY-MM-DD HH:MM:SS`) of the as-of instant. */
  readonly asOfUtc: string;
  /** The grain and zone of the periods table: instants map to a period by their local bucket. */
  readonly grain: Grain;
  readonly timeZone: string;
};

/**
 * SQL joining periods `p` to the period holding instant `timestamp` (stored
 * as UTC): the local bucket start equals the period's start date, which is
 * a hash join where a range join over periods would be a nested loop.
 */
export function joinPeriodOf(context: MetricContext, timestamp: string): string {
  const local =
    context.timeZone === 'UTC'
      ? timestamp
      : `((${timestamp}) AT TIME ZONE 'UTC') AT TIME ZONE '${context.timeZone.replaceAll("'", "''")}'`;
  return `JOIN ${context.tables.periods} p ON p.start_date = CAST(date_trunc('${context.grain}', ${local}) AS DATE)`;
}

export function buildBlockTables(requestId: string): BlockTables {
  return {
    periods: `m_${requestId}_periods`,
    spendRates: `m_${requestId}_spend_rates`,
    segments: `m_${requestId}_segments`,
    customerTimeline: `m_${requestId}_customer_timeline`,
    customerFacts: `m_${requestId}_customer_facts`,
    customerPeriods: `m_${requestId}_customer_periods`,
    repActivity: `m_${requestId}_rep_activity`,
    deals: `m_${requestId}_deals`,
    purchases: `m_${requestId}_purchases`,
    firstContacts: `m_${requestId}_first_contacts`,
    dimensions: `m_${requestId}_dimensions`,
  };
}

/** `TIMESTAMP 'YYYY-MM-DD HH:MM:SS'` for a value we produced ourselves. */
export function timestampLiteral(text: string): string {
  if (!/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(text))
    throw new Error(`not a timestamp literal: ${text}`);
  return `TIMESTAMP '${text}'`;
}

/** Far-future stand-in for "still running", so range tests need no NULL branches. */
export const OPEN_END = `TIMESTAMP '9999-12-31 00:00:00'`;
