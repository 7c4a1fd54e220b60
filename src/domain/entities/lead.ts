import { defineEntity } from './define-entity.js';

export const leadEntity = defineEntity({
  name: 'leads',
  description: 'Prospects not yet customers, and what became of them.',
  key: ['id'],
  fields: {
    id: { kind: 'id', required: true },
    name: { kind: 'text' },
    company: { kind: 'text' },
    source: { kind: 'text' },
    created_at: { kind: 'timestamp', required: true },
    owner_rep_id: { kind: 'id', references: 'reps' },
    status: {
      kind: 'enum',
      values: ['new', 'contacted', 'qualified', 'disqualified', 'converted'],
    },
    converted_customer_id: { kind: 'id', references: 'customers' },
  },
});
