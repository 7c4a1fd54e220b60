/** How alert kinds and states read on the page, and the tone of each state's badge. */
import type { BadgeTone } from '../../components/badge-tone.js';
import type { Alert, AlertState } from '../../lib/api-types.js';

export const ALERT_STATES: readonly AlertState[] = ['open', 'acknowledged', 'resolved'];

export const ALERT_KIND_LABELS: Readonly<Record<Alert['kind'], string>> = {
  at_risk: 'Customer at risk',
  card_expiring: 'Card expiring',
  tracker_fired: 'Tracker fired',
  goal_behind: 'Goal behind pace',
};

export const ALERT_STATE_LABELS: Readonly<Record<AlertState, string>> = {
  open: 'Open',
  acknowledged: 'Acknowledged',
  resolved: 'Resolved',
};

export const ALERT_STATE_TONES: Readonly<Record<AlertState, BadgeTone>> = {
  open: 'warn',
  acknowledged: 'info',
  resolved: 'good',
};

/** A follow-up not done by its due day; due days are UTC calendar days, as the API writes them. */
export function isOverdue(alert: Alert, today: string): boolean {
  return alert.state !== 'resolved' && alert.task_due < today;
}
