import { defineEntity } from './define-entity.js';

export const subscriptionChangeEntity = defineEntity({
  name: 'subscription_changes',
  description:
    'Upgrades, downgrades and seat changes: the MRR, seats and plan from effective_at on.',
  key: ['id'],
  fields: {
    id: { kind: 'id', required: true },
    subscription_id: { kind: 'id', required: true, references: 'subscriptions' },
    effective_at: { kind: 'timestamp', required: true },
    mrr: { kind: 'decimal', required: true, min: 0 },
    seats: { kind: 'integer', min: 0 },
    plan: { kind: 'text' },
  },
});
