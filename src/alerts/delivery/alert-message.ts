/**
 * How an alert reads when it leaves Retain: a JSON document for webhooks,
 * one line of text for Slack, a subject and body for e-mail. All three say
 * the same things: what happened, about whom, who owns it, what to do by when.
 */
import type { Alert } from '../alert.js';

export type Assignee = { id: string; name: string | null; email: string | null };

export type AlertMessage = {
  readonly subject: string;
  readonly text: string;
  readonly payload: Readonly<Record<string, unknown>>;
};

const KIND_LABELS: Readonly<Record<Alert['kind'], string>> = {
  at_risk: 'Customer at risk',
  card_expiring: 'Card expiring',
  tracker_fired: 'Tracker fired',
  goal_behind: 'Goal behind pace',
};

export function buildAlertMessage(alert: Alert, assignee: Assignee | undefined): AlertMessage {
  const owner = assignee ? (assignee.name ?? assignee.id) : 'unassigned';
  const subject = `[Retain] ${KIND_LABELS[alert.kind]}: ${alert.title}`;
  const text = [
    `${KIND_LABELS[alert.kind]}: ${alert.title}`,
    `Owner: ${owner}. Follow-up by ${alert.task_due}: ${alert.task}`,
    `Alert ${alert.id} (${alert.subject_kind} ${alert.subject_id}), raised ${alert.raised_at}.`,
  ].join('\n');
  return {
    subject,
    text,
    payload: {
      event: 'alert.raised',
      alert: {
        ...alert,
        assignee: assignee ? { id: assignee.id, name: assignee.name, email: assignee.email } : null,
      },
    },
  };
}
