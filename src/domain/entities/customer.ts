import { defineEntity } from './define-entity.js';

export const customerEntity = defineEntity({
  name: 'customers',
  description:
    'Accounts that buy from you. Acquisition is derived from subscriptions or orders, not from created_at.',
  key: ['id'],
  fields: {
    id: { kind: 'id', required: true },
    name: { kind: 'text' },
    created_at: { kind: 'timestamp', required: true, description: 'when the record was created' },
    segment: { kind: 'text' },
    region: { kind: 'text' },
    industry: { kind: 'text' },
    acquisition_channel: { kind: 'text' },
    owner_rep_id: { kind: 'id', references: 'reps' },
  },
});
