import { after, defineEntity } from './define-entity.js';

export const marketingSpendEntity = defineEntity({
  name: 'marketing_spend',
  description: 'Sales and marketing spend per channel over [period_start, period_end).',
  key: ['id'],
  fields: {
    id: { kind: 'id', required: true },
    period_start: { kind: 'date', required: true },
    period_end: { kind: 'date', required: true, description: 'exclusive' },
    channel: { kind: 'text', required: true },
    kind: { kind: 'enum', values: ['marketing', 'sales'] },
    amount: { kind: 'decimal', required: true, min: 0 },
    currency: { kind: 'currency' },
  },
  checks: [after('period_end', 'period_start')],
});
