import { defineEntity } from './define-entity.js';

export const orderEntity = defineEntity({
  name: 'orders',
  description: 'One-off purchases: the input of the repeat-purchase CLV models.',
  key: ['id'],
  fields: {
    id: { kind: 'id', required: true },
    customer_id: { kind: 'id', required: true, references: 'customers' },
    ordered_at: { kind: 'timestamp', required: true },
    amount: { kind: 'decimal', required: true },
    currency: { kind: 'currency' },
  },
});
