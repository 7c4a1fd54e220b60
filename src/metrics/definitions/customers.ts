/**
 * Counts of customers and cohort shares: who is active, who was acquired,
 * how many of a cohort left voluntarily in their first year, and how many
 * buyers come back. Acquisition is the first paying instant, never
 * customers.created_at (DESIGN.md, reading 2).
 */
import { joinPeriodOf, OPEN_END } from '../context.js';
import type { BaseKpi, RowSource } from '../definition.js';
import { ACQUISITIONS, CUSTOMER_PERIODS } from '../sources.js';

export const customersActive: BaseKpi = {
  kind: 'base',
  id: 'customers_active',
  isBalance: true,
  title: 'Active customers',
  description:
    'Customers active at the end of P: at least one subscription in force, out of trial, with MRR above zero.',
  unit: 'count',
  direction: 'higher_is_better',
  valueKind: 'total',
  parts: [{ source: CUSTOMER_PERIODS, where: 'cp.is_active_end', numerator: '1' }],
};

export const newCustomers: BaseKpi = {
  kind: 'base',
  id: 'new_customers',
  title: 'New customers',
  description:
    'Customers acquired in P: their first paying instant (the later of the first paying subscription’s start and its trial end) falls in P. A returning customer is a reactivation, not new.',
  unit: 'count',
  direction: 'higher_is_better',
  valueKind: 'total',
  parts: [{ source: ACQUISITIONS, numerator: '1' }],
};

const YEAR_MS = 365 * 24 * 3600 * 1000;

export const firstYearVoluntaryTerminationRate: BaseKpi = {
  kind: 'base',
  id: 'first_year_voluntary_termination_rate',
  title: 'First-year voluntary termination rate',
  description:
    'Of the customers acquired in P (the cohort), the share whose first stretch as a customer ended voluntarily within 365 days of acquisition. Partial while the cohort’s first year is not over.',
  unit: 'ratio',
  direction: 'lower_is_better',
  valueKind: 'ratio',
  parts: [
    {
      source: ACQUISITIONS,
      numerator: `CASE WHEN cf.first_end_reason = 'voluntary'
                   AND coalesce(cf.first_end, ${OPEN_END}) <= cf.acquired_at + INTERVAL '365 days' THEN 1 ELSE 0 END`,
      denominator: '1',
    },
  ],
  isPartial: (periodEndUtc, asOf) => periodEndUtc.getTime() + YEAR_MS > asOf.getTime(),
};

/** One row per customer who purchased in the period; `to_date` counts purchases up to its end. */
const BUYERS: RowSource = {
  id: 'buyers',
  blocks: ['purchases'],
  // The last purchase in P has, as its rank, the customer's purchase count up to the end of P.
  from: (context) => `(
    SELECT p.period_start, r.customer_id, max(r.purchase_rank) AS to_date
    FROM ${context.tables.purchases} r
    ${joinPeriodOf(context, 'r.purchased_at')}
    GROUP BY p.period_start, r.customer_id
  ) b`,
  period: 'b.period_start',
  subject: 'customer',
  subjectId: 'b.customer_id',
  customerId: 'b.customer_id',
};

export const repeatCustomerRate: BaseKpi = {
  kind: 'base',
  id: 'repeat_customer_rate',
  title: 'Repeat customer rate',
  description:
    'Of the customers who purchased in P (an order, or a paid invoice for customers without orders), the share with two or more purchases in their history up to the end of P.',
  unit: 'ratio',
  direction: 'higher_is_better',
  valueKind: 'ratio',
  parts: [
    { source: BUYERS, numerator: 'CASE WHEN b.to_date >= 2 THEN 1 ELSE 0 END', denominator: '1' },
  ],
};

export const CUSTOMER_KPIS = [
  customersActive,
  newCustomers,
  firstYearVoluntaryTerminationRate,
  repeatCustomerRate,
];
