import { after, defineEntity } from './define-entity.js';

export const goalEntity = defineEntity({
  name: 'goals',
  description: 'Targets for a KPI or activity count over [period_start, period_end).',
  key: ['id'],
  fields: {
    id: { kind: 'id', required: true },
    metric: { kind: 'text', required: true },
    scope: { kind: 'enum', values: ['company', 'team', 'rep'] },
    scope_id: { kind: 'text' },
    period_start: { kind: 'date', required: true },
    period_end: { kind: 'date', required: true, description: 'exclusive' },
    target: { kind: 'decimal', required: true, scale: 6 },
  },
  checks: [
    after('period_end', 'period_start'),
    {
      column: 'scope_id',
      holds: (row) => row.scope == null || row.scope === 'company' || row.scope_id != null,
      reason: 'is required for a team or rep goal',
      fix: 'give the team name or the rep id the goal belongs to',
    },
  ],
});
