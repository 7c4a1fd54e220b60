/**
 * The activity planner: from a revenue goal back to the dials and meetings a
 * day it takes, through the team's own funnel as measured in the store —
 * average deal size → deals to win → opportunities (win rate) → meetings
 * (meeting-to-opportunity conversion) → dials (dials per booked meeting) →
 * per rep per working day. Each ratio is pooled over the months before the
 * plan (Σ numerators / Σ denominators of the KPI engine's own results) and
 * shown with its period and sample size; thin samples are flagged.
 */
import { RetainError } from '../domain/errors.js';
import { computeMetrics, type MetricResult } from '../metrics/compute-metrics.js';
import type { MetricCache } from '../metrics/metric-cache.js';
import { parseMetricRequest } from '../metrics/parse-metric-request.js';
import { countWorkingDays, parseLocalDate } from '../metrics/periods.js';
import type { Store } from '../store/store.js';
import type { GoalWindow } from './goal-window.js';

/** Fewer observations than this and a ratio is flagged as resting on too little data. */
export const THIN_SAMPLE = 30;
export const DEFAULT_LOOKBACK_MONTHS = 6;

export type PlanStep = {
  step: string;
  /** What the ratio is, e.g. "won revenue ÷ deals won". */
  ratio: string;
  value: number;
  sample_size: number;
  source: { kpi: string; from: string; to: string };
  is_thin: boolean;
};

export type ActivityPlan = {
  revenue: number;
  period: GoalWindow;
  team: string | null;
  lookback: GoalWindow;
  steps: PlanStep[];
  needed: { deals: number; opportunities: number; meetings: number; dials: number };
  reps: { dialing: number; working_days: number };
  per_rep_per_day: { dials: number; meetings: number };
};

export type PlanRequest = {
  readonly revenue: number;
  readonly period: GoalWindow;
  readonly team?: string | undefined;
  readonly lookbackMonths?: number;
  readonly asOf: Date;
  readonly cache?: MetricCache | undefined;
};

export async function planActivity(store: Store, request: PlanRequest): Promise<ActivityPlan> {
  if (!(request.revenue > 0)) {
    throw new RetainError('INVALID_ARGUMENT', 'The revenue goal must be above zero.', {
      hint: 'For example --revenue 250000.',
    });
  }
  const lookback = lookbackBefore(
    request.period,
    request.asOf,
    request.lookbackMonths ?? DEFAULT_LOOKBACK_MONTHS,
  );
  const results = await computeMetrics(
    store,
    await parseMetricRequest(store, {
      metrics: ['average_deal_size', 'win_rate', 'new_deals', 'dials_per_meeting'],
      grain: 'month',
      from: lookback.start,
      to: lookback.end,
      where: request.team ? [`team=${request.team}`] : [],
      asOf: request.asOf,
    }),
    request.cache,
  );
  const pooled = (metric: string) => sumParts(results.filter((result) => result.metric === metric));
  const source = (kpi: string) => ({ kpi, from: lookback.start, to: lookback.end });

  const dealSize = pooled('average_deal_size');
  const winRate = pooled('win_rate');
  const meetings = pooled('dials_per_meeting');
  const newDeals = results
    .filter((result) => result.metric === 'new_deals')
    .reduce((sum, result) => sum + (result.value ?? 0), 0);
  const steps: PlanStep[] = [
    step(
      'deals to win',
      'won revenue ÷ deals won (average deal size)',
      dealSize.numerator,
      dealSize.denominator,
      dealSize.denominator,
      source('average_deal_size'),
    ),
    step(
      'opportunities',
      'deals won ÷ deals closed (win rate)',
      winRate.numerator,
      winRate.denominator,
      winRate.denominator,
      source('win_rate'),
    ),
    step(
      'meetings',
      'new opportunities ÷ meetings booked',
      newDeals,
      meetings.denominator,
      meetings.denominator,
      source('new_deals'),
    ),
    step(
      'dials',
      'outbound calls ÷ meetings booked (dials per meeting)',
      meetings.numerator,
      meetings.denominator,
      meetings.denominator,
      source('dials_per_meeting'),
    ),
  ];
  const missing = steps.find(
    (candidate) => !(candidate.value > 0) || !Number.isFinite(candidate.value),
  );
  if (missing) {
    throw new RetainError(
      'INVALID_ARGUMENT',
      `The funnel has no data for ${missing.ratio} between ${lookback.start} and ${lookback.end}${request.team ? ` for team ${request.team}` : ''}.`,
      {
        hint: 'Plan for a team with history, or import deals and activities for the months before the plan.',
      },
    );
  }
  const [size, win, conversion, perMeeting] = steps.map((candidate) => candidate.value) as [
    number,
    number,
    number,
    number,
  ];
  const deals = Math.ceil(request.revenue / size);
  const opportunities = Math.ceil(deals / win);
  const meetingsNeeded = Math.ceil(opportunities / conversion);
  const dials = Math.ceil(meetingsNeeded * perMeeting);
  const dialing = await countDialingReps(store, request.team);
  const start = parseLocalDate(request.period.start);
  const end = parseLocalDate(request.period.end);
  const workingDays = start && end ? countWorkingDays(start, end) : 0;
  const repDays = dialing * workingDays;
  return {
    revenue: request.revenue,
    period: request.period,
    team: request.team ?? null,
    lookback,
    steps,
    needed: { deals, opportunities, meetings: meetingsNeeded, dials },
    reps: { dialing, working_days: workingDays },
    per_rep_per_day: {
      dials: repDays === 0 ? 0 : Math.ceil(dials / repDays),
      meetings: repDays === 0 ? 0 : Math.round((meetingsNeeded / repDays) * 100) / 100,
    },
  };
}

function step(
  name: string,
  ratio: string,
  numerator: number,
  denominator: number,
  sample: number,
  source: PlanStep['source'],
): PlanStep {
  return {
    step: name,
    ratio,
    value: denominator === 0 ? Number.NaN : numerator / denominator,
    sample_size: sample,
    source,
    is_thin: sample < THIN_SAMPLE,
  };
}

function sumParts(results: readonly MetricResult[]): { numerator: number; denominator: number } {
  return {
    numerator: results.reduce((sum, result) => sum + (result.numerator ?? 0), 0),
    denominator: results.reduce((sum, result) => sum + (result.denominator ?? 0), 0),
  };
}

/** The whole months before the plan starts, or before the as-of month when the plan is ahead of it. */
function lookbackBefore(period: GoalWindow, asOf: Date, months: number): GoalWindow {
  const planStart = new Date(`${period.start}T00:00:00Z`);
  const start = planStart < asOf ? planStart : asOf;
  const from = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() - months, 1));
  const to = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth(), 1));
  return { start: from.toISOString().slice(0, 10), end: to.toISOString().slice(0, 10) };
}

/** SDRs dial; a team without SDRs dials with its other non-manager reps. */
async function countDialingReps(store: Store, team: string | undefined): Promise<number> {
  const [row] = await store.query<{ sdrs: number; others: number }>(
    `SELECT count(CASE WHEN role = 'sdr' THEN 1 END) AS sdrs,
            count(CASE WHEN coalesce(role, '') <> 'manager' THEN 1 END) AS others
     FROM reps WHERE $1 = '' OR team = $1`,
    [team ?? ''],
  );
  return row && row.sdrs > 0 ? row.sdrs : (row?.others ?? 0);
}
