/** Net Promoter Score over every response in P (DESIGN.md, reading 13). */
import { selectContributions, type BaseKpi } from '../definition.js';

export const nps: BaseKpi = {
  kind: 'base',
  id: 'nps',
  title: 'NPS',
  description:
    'Net Promoter Score: % of responses in P scoring 9–10 minus % scoring 0–6, from −100 to 100 (numerator: promoters − detractors; denominator: responses).',
  unit: 'score',
  direction: 'higher_is_better',
  valueKind: 'score',
  blocks: [],
  contributions: (context) =>
    selectContributions({
      from: `nps_responses r JOIN ${context.tables.periods} p ON r.responded_at >= p.period_start AND r.responded_at < p.period_end`,
      subject: 'response',
      subjectId: 'r.id',
      customerId: 'r.customer_id',
      numerator: 'CASE WHEN r.score >= 9 THEN 1 WHEN r.score <= 6 THEN -1 ELSE 0 END',
      denominator: '1',
    }),
};
