/**
 * The row sources KPIs count over. Each is a FROM clause with the columns
 * that identify a row and link it to the slicing dimensions; KPIs add a
 * WHERE and what a row contributes.
 */
import { joinPeriodOf, type MetricContext } from './context.js';
import type { RowSource } from './definition.js';

/** One row per customer and period with a segment touching the period (opening and closing balance). */
export const CUSTOMER_PERIODS: RowSource = {
  id: 'customer_periods',
  blocks: ['customerPeriods'],
  from: ({ tables }) => `${tables.customerPeriods} cp`,
  period: 'cp.period_start',
  subject: 'customer',
  subjectId: 'cp.customer_id',
  customerId: 'cp.customer_id',
};

/** One row per customer acquired in the period. */
export const ACQUISITIONS: RowSource = {
  id: 'acquisitions',
  blocks: ['customerFacts'],
  from: (context) =>
    `${context.tables.customerFacts} cf ${joinPeriodOf(context, 'cf.acquired_at')}`,
  period: 'p.period_start',
  subject: 'customer',
  subjectId: 'cf.customer_id',
  customerId: 'cf.customer_id',
};

/** One row per rep and period with any activity, with counts by kind. */
export const REP_ACTIVITY: RowSource = {
  id: 'rep_activity',
  blocks: ['repActivity'],
  from: ({ tables }) => `${tables.repActivity} ra`,
  period: 'ra.period_start',
  subject: 'rep',
  subjectId: 'ra.rep_id',
  repId: 'ra.rep_id',
};

function dealSource(
  id: string,
  joinPeriods: string | ((context: MetricContext) => string),
): RowSource {
  return {
    id,
    blocks: ['deals'],
    from: (context) =>
      `${context.tables.deals} d ${
        typeof joinPeriods === 'string'
          ? `JOIN ${context.tables.periods} p ON ${joinPeriods}`
          : joinPeriods(context)
      }`,
    period: 'p.period_start',
    subject: 'deal',
    subjectId: 'd.id',
    customerId: 'd.customer_id',
    repId: 'd.owner_rep_id',
  };
}

/** Open at instant `t`: created before it, and either still open or closed at or after it. */
export const openAt = (t: string) =>
  `d.created_at < ${t} AND (d.status = 'open' OR (d.status IN ('won', 'lost') AND d.closed_at >= ${t}))`;

/** Deals closed in the period (won or lost deals without closed_at never match). */
export const DEALS_CLOSED = dealSource('deals_closed', (context) =>
  joinPeriodOf(context, 'd.closed_at'),
);

/** Deals open at the end of the period. */
export const DEALS_OPEN_AT_END = dealSource('deals_open_at_end', openAt('p.period_end'));

/** Deals open at the as-of instant clamped into the period and expected to close in it. */
export const DEALS_EXPECTED = dealSource(
  'deals_expected',
  `${openAt('p.as_of_point')} AND d.expected_close_at >= p.period_start AND d.expected_close_at < p.period_end`,
);

/** Deals won in the period up to the as-of instant clamped into it. */
export const DEALS_WON_SO_FAR = dealSource(
  'deals_won_so_far',
  `d.status = 'won' AND d.closed_at >= p.period_start AND d.closed_at < p.as_of_point`,
);

/** NPS responses in the period. */
export const RESPONSES: RowSource = {
  id: 'responses',
  blocks: [],
  from: (context) => `nps_responses r ${joinPeriodOf(context, 'r.responded_at')}`,
  period: 'p.period_start',
  subject: 'response',
  subjectId: 'r.id',
  customerId: 'r.customer_id',
};

/** Deals created in the period. */
export const DEALS_CREATED = dealSource('deals_created', (context) =>
  joinPeriodOf(context, 'd.created_at'),
);
