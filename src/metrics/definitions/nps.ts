/** Net Promoter Score over every response in P (DESIGN.md, reading 13). */
import type { BaseKpi } from '../definition.js';
import { RESPONSES } from '../sources.js';

export const nps: BaseKpi = {
  kind: 'base',
  id: 'nps',
  title: 'NPS',
  description:
    'Net Promoter Score: % of responses in P scoring 9–10 minus % scoring 0–6, from −100 to 100 (numerator: promoters − detractors; denominator: responses).',
  unit: 'score',
  direction: 'higher_is_better',
  valueKind: 'score',
  parts: [
    {
      source: RESPONSES,
      numerator: 'CASE WHEN r.score >= 9 THEN 1 WHEN r.score <= 6 THEN -1 ELSE 0 END',
      denominator: '1',
    },
  ],
};
