import { defineEntity } from './define-entity.js';

export const invoiceEntity = defineEntity({
  name: 'invoices',
  description: 'Bills and their outcome; failed invoices do not end a subscription by themselves.',
  key: ['id'],
  fields: {
    id: { kind: 'id', required: true },
    customer_id: { kind: 'id', required: true, references: 'customers' },
    subscription_id: { kind: 'id', references: 'subscriptions' },
    issued_at: { kind: 'timestamp', required: true },
    amount: { kind: 'decimal', required: true },
    currency: { kind: 'currency' },
    status: { kind: 'enum', required: true, values: ['paid', 'failed', 'refunded', 'open'] },
    paid_at: { kind: 'timestamp' },
    failure_code: { kind: 'text' },
  },
});
