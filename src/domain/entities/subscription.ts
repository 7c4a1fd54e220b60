import { defineEntity, notBefore } from './define-entity.js';

export const subscriptionEntity = defineEntity({
  name: 'subscriptions',
  description:
    'Recurring contracts. mrr is monthly-normalised and net of recurring discounts; a trial pays nothing until trial_ends_at.',
  key: ['id'],
  fields: {
    id: { kind: 'id', required: true },
    customer_id: { kind: 'id', required: true, references: 'customers' },
    plan: { kind: 'text' },
    started_at: { kind: 'timestamp', required: true },
    ended_at: { kind: 'timestamp' },
    mrr: { kind: 'decimal', required: true, min: 0 },
    currency: { kind: 'currency' },
    seats: { kind: 'integer', min: 0 },
    billing_interval: { kind: 'enum', values: ['month', 'year'] },
    trial_ends_at: { kind: 'timestamp' },
    end_reason: { kind: 'enum', values: ['voluntary', 'delinquent'] },
    cancel_reason: { kind: 'text' },
  },
  checks: [notBefore('ended_at', 'started_at'), notBefore('trial_ends_at', 'started_at')],
});
