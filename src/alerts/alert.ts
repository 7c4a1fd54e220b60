/**
 * What an alert is: a kind, the customer or goal it is about, the rep who
 * must act (the assignee), a follow-up task with a due date, and a state that
 * only moves forward (open → acknowledged → resolved). Rows mirror the
 * `alerts` table, so fields keep its snake_case names.
 */
export const ALERT_KINDS = ['at_risk', 'card_expiring', 'tracker_fired', 'goal_behind'] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];

export const ALERT_STATES = ['open', 'acknowledged', 'resolved'] as const;
export type AlertState = (typeof ALERT_STATES)[number];

export type AlertSubjectKind = 'customer' | 'goal';

/**
 * Working days (Monday to Friday) the assignee has to follow up: a customer
 * about to leave needs a call this week; a card can wait for the next
 * billing run's notice; a goal needs a plan, which takes longer to make.
 */
export const FOLLOW_UP_WORKING_DAYS: Readonly<Record<AlertKind, number>> = {
  at_risk: 2,
  card_expiring: 7,
  tracker_fired: 3,
  goal_behind: 5,
};

/** What a rule finds; the log turns it into an alert unless its dedupe key is already there. */
export type AlertCandidate = {
  readonly kind: AlertKind;
  readonly subject_kind: AlertSubjectKind;
  readonly subject_id: string;
  readonly assignee_rep_id: string | null;
  /** Stays the same however often the rule re-finds the same situation. */
  readonly dedupe_key: string;
  readonly title: string;
  readonly task: string;
  readonly detail: Readonly<Record<string, unknown>>;
};

export type Alert = {
  id: string;
  dedupe_key: string;
  kind: AlertKind;
  subject_kind: AlertSubjectKind;
  subject_id: string;
  assignee_rep_id: string | null;
  title: string;
  detail: Record<string, unknown>;
  task: string;
  task_due: string;
  state: AlertState;
  as_of: string;
  raised_at: string;
  acknowledged_at: string | null;
  resolved_at: string | null;
};
