import { defineEntity } from './define-entity.js';

export const activityEntity = defineEntity({
  name: 'activities',
  description: 'Calls, e-mails, meetings, demos and notes logged by reps.',
  key: ['id'],
  fields: {
    id: { kind: 'id', required: true },
    rep_id: { kind: 'id', required: true, references: 'reps' },
    kind: { kind: 'enum', required: true, values: ['call', 'email', 'meeting', 'demo', 'note'] },
    occurred_at: { kind: 'timestamp', required: true },
    direction: { kind: 'enum', values: ['outbound', 'inbound'] },
    outcome: { kind: 'text', description: 'connected, no_answer, meeting_booked, …' },
    lead_id: { kind: 'id', references: 'leads' },
    customer_id: { kind: 'id', references: 'customers' },
    deal_id: { kind: 'id', references: 'deals' },
    duration_s: { kind: 'integer', min: 0 },
  },
});
