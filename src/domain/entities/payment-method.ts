import { defineEntity } from './define-entity.js';

export const paymentMethodEntity = defineEntity({
  name: 'payment_methods',
  description: 'Cards and other methods on file; expiry predicts delinquent churn.',
  key: ['id'],
  fields: {
    id: { kind: 'id', required: true },
    customer_id: { kind: 'id', required: true, references: 'customers' },
    kind: { kind: 'text' },
    exp_month: { kind: 'integer', min: 1, max: 12 },
    exp_year: { kind: 'integer', min: 1900, max: 2199 },
    is_default: { kind: 'boolean' },
  },
});
