/**
 * The shapes the dashboard reads from the API. Where src/api/contract has a
 * schema, its type is re-exported here (type-only: nothing of the server
 * reaches the bundle). The few routes that declare no response schema in the
 * contract are mirrored by hand below, each naming the server type it copies.
 */
import type { z } from 'zod';
import type { alertSchema } from '../../../src/api/contract/alerts.js';
import type { SessionUser } from '../../../src/api/contract/auth.js';
import type { problemSchema } from '../../../src/api/contract/common.js';
import type { CustomerDetail, CustomerSummary } from '../../../src/api/contract/customers.js';
import type { MetricQuery } from '../../../src/api/contract/metrics.js';

export type { Session, SessionUser } from '../../../src/api/contract/auth.js';
export type { CustomerDetail, CustomerSummary } from '../../../src/api/contract/customers.js';
export type { Kpi, MetricQuery, MetricResult } from '../../../src/api/contract/metrics.js';
export type {
  CohortBasis,
  CohortMatrix,
  SurvivalCurve,
  SurvivalReport,
} from '../../../src/api/contract/retention.js';
export type { AtRiskList } from '../../../src/api/contract/risk.js';
export type {
  AddedChannel,
  ChannelKind,
  DeliveryChannel,
  HealthRule,
  HealthRules,
  Tracker,
  TrackerWeek,
} from '../../../src/api/contract/settings.js';

export type Problem = z.output<typeof problemSchema>;

export type Alert = z.output<typeof alertSchema>;
export type AlertState = Alert['state'];

export type Grain = NonNullable<MetricQuery['grain']>;

export type HealthSnapshot = CustomerDetail['health'][number];
export type TimelineEvent = CustomerDetail['timeline'][number];

/** GET /api/customers. */
export type CustomerPage = {
  total: number;
  customers: CustomerSummary[];
};

/** GET /api/users; mirrors User in src/api/auth/users.ts. */
export type UserRow = {
  id: string;
  email: string;
  role: Role;
  rep_id: string | null;
  created_at: string;
};

export type Role = SessionUser['role'];

/** GET /api/goals/progress; mirrors GoalProgress in src/goals/goal-progress.ts. */
export type GoalProgress = {
  id: string;
  metric: string;
  scope: string;
  scope_id: string | null;
  period_start: string;
  /** Exclusive. */
  period_end: string;
  target: number;
  /** Share of the period's days gone at the as-of date, 0..1. */
  elapsed: number;
  actual: number | null;
  expected: number | null;
  projected: number | null;
  pace: 'linear' | 'seasonal' | 'rate' | 'level';
  status: GoalStatus;
};

export type GoalStatus = 'on_track' | 'at_risk' | 'off_track' | 'no_data' | 'unknown_metric';

/** GET /api/goals/plan; mirrors ActivityPlan in src/goals/plan-activity.ts. */
export type ActivityPlan = {
  revenue: number;
  period: { start: string; end: string };
  team: string | null;
  lookback: { start: string; end: string };
  steps: PlanStep[];
  needed: { deals: number; opportunities: number; meetings: number; dials: number };
  reps: { dialing: number; working_days: number };
  per_rep_per_day: { dials: number; meetings: number };
};

/** Mirrors PlanStep in src/goals/plan-activity.ts. */
export type PlanStep = {
  step: string;
  ratio: string;
  value: number;
  sample_size: number;
  source: { kpi: string; from: string; to: string };
  /** The sample is too small to trust the ratio much. */
  is_thin: boolean;
};
