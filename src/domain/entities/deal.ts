import { defineEntity, notBefore } from './define-entity.js';

export const dealEntity = defineEntity({
  name: 'deals',
  description: 'Opportunities in the pipeline; won or lost ones count in the period of closed_at.',
  key: ['id'],
  fields: {
    id: { kind: 'id', required: true },
    name: { kind: 'text' },
    owner_rep_id: { kind: 'id', required: true, references: 'reps' },
    amount: { kind: 'decimal', required: true, min: 0 },
    currency: { kind: 'currency' },
    stage: { kind: 'text', required: true },
    status: { kind: 'enum', required: true, values: ['open', 'won', 'lost'] },
    created_at: { kind: 'timestamp', required: true },
    closed_at: { kind: 'timestamp' },
    expected_close_at: { kind: 'timestamp' },
    lost_reason: { kind: 'text' },
    competitor: { kind: 'text' },
    source: { kind: 'text' },
    kind: { kind: 'enum', values: ['new_business', 'renewal', 'expansion'] },
    customer_id: { kind: 'id', references: 'customers' },
    lead_id: { kind: 'id', references: 'leads' },
  },
  checks: [notBefore('closed_at', 'created_at')],
});
