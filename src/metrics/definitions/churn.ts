/**
 * Churn and retention of the customers active at the start of a period.
 * Customers acquired during the period are outside both numerator and
 * denominator: 1000 at start, 150 of them gone at the end, plus 300 new of
 * whom 15 left, is 150 / 1000 = 15 %, not 165 / 1000. Retention is the start
 * cohort still active at the end, never the (E − N) / S shortcut, which is
 * wrong as soon as new customers also leave.
 */
import type { BaseKpi } from '../definition.js';
import { CUSTOMER_PERIODS } from '../sources.js';

function startCohortRate(
  id: string,
  title: string,
  description: string,
  direction: BaseKpi['direction'],
  isCounted: string,
): BaseKpi {
  return {
    kind: 'base',
    id,
    title,
    description,
    unit: 'ratio',
    direction,
    valueKind: 'ratio',
    parts: [
      {
        source: CUSTOMER_PERIODS,
        where: 'cp.is_active_start',
        numerator: `CASE WHEN ${isCounted} THEN 1 ELSE 0 END`,
        denominator: '1',
      },
    ],
  };
}

export const customerChurnRate = startCohortRate(
  'customer_churn_rate',
  'Customer churn rate',
  'Customers active at the start of P and not active at its end, divided by customers active at the start of P. Customers acquired during P are excluded from both.',
  'lower_is_better',
  'NOT cp.is_active_end',
);

export const customerRetentionRate = startCohortRate(
  'customer_retention_rate',
  'Customer retention rate',
  'Customers active at the start of P who are still active at its end, divided by customers active at the start of P (1 − customer churn rate).',
  'higher_is_better',
  'cp.is_active_end',
);

export const voluntaryChurnRate = startCohortRate(
  'voluntary_churn_rate',
  'Voluntary churn rate',
  'Customer churn whose ending subscription ended with end_reason voluntary, divided by customers active at the start of P.',
  'lower_is_better',
  "NOT cp.is_active_end AND cp.churn_reason = 'voluntary'",
);

export const delinquentChurnRate = startCohortRate(
  'delinquent_churn_rate',
  'Delinquent churn rate',
  'Customer churn whose ending subscription ended with end_reason delinquent (a payment failure such as an expired card), divided by customers active at the start of P.',
  'lower_is_better',
  "NOT cp.is_active_end AND cp.churn_reason = 'delinquent'",
);

export const seatChurnRate: BaseKpi = {
  kind: 'base',
  id: 'seat_churn_rate',
  title: 'Seat churn rate',
  description:
    'Seats lost by customers who stay (each one’s net seat loss; one customer’s growth does not offset another’s loss), divided by seats at the start of P. Seats of customers who leave are customer churn.',
  unit: 'ratio',
  direction: 'lower_is_better',
  valueKind: 'ratio',
  parts: [
    {
      source: CUSTOMER_PERIODS,
      where: 'cp.is_active_start',
      numerator:
        'CASE WHEN cp.is_active_end THEN greatest(cp.seats_start - cp.seats_end, 0) ELSE 0 END',
      denominator: 'cp.seats_start',
    },
  ],
};

export const CHURN_KPIS = [
  customerChurnRate,
  customerRetentionRate,
  voluntaryChurnRate,
  delinquentChurnRate,
  seatChurnRate,
];
