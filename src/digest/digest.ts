/**
 * The daily digest (issue #5, item 5): what one person, or the whole
 * company, should look at this morning, in five sections. This is the JSON
 * the CLI prints with --format json; text and HTML render the same object.
 */
import type { HealthReason } from '../alerts/health-reasons.js';
import type { Person } from '../alerts/person-scope.js';
import type { KpiUnit } from '../metrics/definition.js';

export type DigestAudience =
  | { kind: 'company' }
  | {
      kind: 'rep' | 'team';
      rep_id: string;
      name: string;
      email: string | null;
      team: string | null;
    };

export type AtRiskEntry = {
  customer_id: string;
  name: string | null;
  owner_rep_id: string | null;
  owner_name: string | null;
  health: number;
  risk_probability: number | null;
  /** Crossed into at-risk in the latest snapshot. */
  is_new: boolean;
  at_risk_since: string;
  reasons: HealthReason[];
};

export type NewCustomerEntry = {
  customer_id: string;
  name: string | null;
  owner_rep_id: string | null;
  owner_name: string | null;
  acquired_on: string;
  /** First day with any usage, or null while the customer has not used the product. */
  first_usage_on: string | null;
  /** Active users on the latest usage day before the digest date. */
  active_users: number | null;
  first_invoice_paid_at: string | null;
};

export type DigestDeal = {
  id: string;
  name: string | null;
  owner_rep_id: string;
  owner_name: string | null;
  customer_id: string | null;
  stage: string;
  /** In the reporting currency, converted by the KPI engine's rates. */
  amount: number;
  win_probability: number;
  expected_close_at: string | null;
  last_activity_at: string | null;
  recent_activities: number;
};

export type LostDeal = DigestDeal & {
  closed_at: string;
  lost_reason: string | null;
  competitor: string | null;
};

export type LostTally = { key: string; deals: number; amount: number };

export type HotDeal = DigestDeal & {
  /** Why it ranks where it does: amount × stage probability × closeness × activity. */
  score: number;
  days_to_close: number | null;
};

export type TrendValue = { current: number | null; previous: number | null; change: number | null };

export type TrendEntry = {
  metric: string;
  title: string;
  unit: KpiUnit;
  direction: 'higher_is_better' | 'lower_is_better';
  /** The last two complete ISO weeks before the digest date. */
  week: TrendValue;
  /** The last two complete calendar months before the digest date. */
  month: TrendValue;
  /** Monthly values, oldest first, for the sparkline. */
  monthly: { period_start: string; value: number | null }[];
};

export type ChannelCac = { channel: string; current: number | null; previous: number | null };

export type Digest = {
  date: string;
  audience: DigestAudience;
  reporting_currency: string;
  /** The health snapshot the at-risk section reads, or null. */
  health_snapshot: string | null;
  /** What could not be shown and why (a missing table, no snapshot yet). */
  notes: string[];
  at_risk: AtRiskEntry[];
  new_customers: NewCustomerEntry[];
  lost_prospects: { deals: LostDeal[]; reasons: LostTally[]; competitors: LostTally[] };
  hot_prospects: { hot: HotDeal[]; stalled: DigestDeal[] };
  trends: {
    metrics: TrendEntry[];
    cac_by_channel: ChannelCac[];
    week_of: string;
    month_of: string;
  };
};

/** The person a digest is for, or undefined for the company. */
export type DigestPerson = Person | undefined;
