import { defineEntity, notBefore } from './define-entity.js';

export const ticketEntity = defineEntity({
  name: 'tickets',
  description: 'Support tickets; complaints, objections and claims feed the health score.',
  key: ['id'],
  fields: {
    id: { kind: 'id', required: true },
    customer_id: { kind: 'id', required: true, references: 'customers' },
    opened_at: { kind: 'timestamp', required: true },
    closed_at: { kind: 'timestamp' },
    priority: { kind: 'text' },
    kind: { kind: 'enum', values: ['question', 'bug', 'complaint', 'objection', 'claim'] },
  },
  checks: [notBefore('closed_at', 'opened_at')],
});
