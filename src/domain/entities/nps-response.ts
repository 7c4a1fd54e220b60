import { defineEntity } from './define-entity.js';

export const npsResponseEntity = defineEntity({
  name: 'nps_responses',
  description: 'Answers to "How likely are you to recommend us?" on 0..10.',
  key: ['id'],
  fields: {
    id: { kind: 'id', required: true },
    customer_id: { kind: 'id', required: true, references: 'customers' },
    responded_at: { kind: 'timestamp', required: true },
    score: { kind: 'integer', required: true, min: 0, max: 10 },
    comment: { kind: 'text' },
  },
});
