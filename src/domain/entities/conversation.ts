import { defineEntity } from './define-entity.js';

export const conversationEntity = defineEntity({
  name: 'conversations',
  description: 'Calls, meetings and e-mails with their transcript, for keyword trackers.',
  key: ['id'],
  fields: {
    id: { kind: 'id', required: true },
    occurred_at: { kind: 'timestamp', required: true },
    channel: { kind: 'enum', values: ['call', 'meeting', 'email'] },
    rep_id: { kind: 'id', references: 'reps' },
    customer_id: { kind: 'id', references: 'customers' },
    deal_id: { kind: 'id', references: 'deals' },
    lead_id: { kind: 'id', references: 'leads' },
    transcript: { kind: 'text', required: true },
  },
});
