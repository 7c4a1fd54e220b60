/** Alerts: the visible alert log, and moving one alert forward. */
import { z } from 'zod';

export const alertSchema = z
  .object({
    id: z.string(),
    dedupe_key: z.string(),
    kind: z.enum(['at_risk', 'card_expiring', 'tracker_fired', 'goal_behind']),
    subject_kind: z.enum(['customer', 'goal']),
    subject_id: z.string(),
    assignee_rep_id: z.string().nullable(),
    title: z.string(),
    detail: z.record(z.string(), z.unknown()),
    task: z.string(),
    task_due: z.string().describe('The follow-up task’s due date (YYYY-MM-DD)'),
    state: z.enum(['open', 'acknowledged', 'resolved']),
    as_of: z.string(),
    raised_at: z.string(),
    acknowledged_at: z.string().nullable(),
    resolved_at: z.string().nullable(),
  })
  .meta({ id: 'Alert' });

export const alertListQuerySchema = z.object({
  state: z.enum(['open', 'acknowledged', 'resolved']).optional(),
});
