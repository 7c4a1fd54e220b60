import { defineEntity } from './define-entity.js';

export const repEntity = defineEntity({
  name: 'reps',
  description: 'The people who sell and look after customers, in teams under managers.',
  key: ['id'],
  fields: {
    id: { kind: 'id', required: true },
    name: { kind: 'text', required: true },
    email: { kind: 'text' },
    team: { kind: 'text' },
    role: { kind: 'enum', values: ['sdr', 'ae', 'csm', 'manager'] },
    manager_id: { kind: 'id', references: 'reps' },
  },
});
