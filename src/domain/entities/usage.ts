import { defineEntity } from './define-entity.js';

export const usageEntity = defineEntity({
  name: 'usage',
  description: 'Product usage per customer and day (or the first day of a week or month).',
  key: ['customer_id', 'date'],
  fields: {
    customer_id: { kind: 'id', required: true, references: 'customers' },
    date: { kind: 'date', required: true },
    active_users: { kind: 'integer', min: 0 },
    events: { kind: 'integer', min: 0 },
  },
});
