/**
 * Counts of customers and cohort shares: who is active, who was acquired,
 * how many of a cohort left voluntarily in their first year, and how many
 * buyers come back. Acquisition is the first paying instant, never
 * customers.created_at (DESIGN.md, reading 2).
 */
import { OPEN_END } from '../context.js';
import { selectContributions, type BaseKpi } from '../definition.js';

export const customersActive: BaseKpi = {
  kind: 'base',
  id: 'customers_active',
  title: 'Active customers',
  description:
    'Customers active at the end of P: at least one subscription in force, out of trial, with MRR above zero.',
  unit: 'count',
  direction: 'higher_is_better',
  valueKind: 'total',
  blocks: ['customerPeriods'],
  contributions: (context) =>
    selectContributions({
      from: `${context.tables.customerPeriods} cp JOIN ${context.tables.periods} p ON p.period_start = cp.period_start`,
      where: 'cp.is_active_end',
      subject: 'customer',
      subjectId: 'cp.customer_id',
      customerId: 'cp.customer_id',
      numerator: '1',
    }),
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
  blocks: ['customerFacts'],
  contributions: (context) =>
    selectContributions({
      from: `${context.tables.customerFacts} cf JOIN ${context.tables.periods} p
             ON cf.acquired_at >= p.period_start AND cf.acquired_at < p.period_end`,
      subject: 'customer',
      subjectId: 'cf.customer_id',
      customerId: 'cf.customer_id',
      numerator: '1',
    }),
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
  blocks: ['customerFacts'],
  contributions: (context) =>
    selectContributions({
      from: `${context.tables.customerFacts} cf JOIN ${context.tables.periods} p
             ON cf.acquired_at >= p.period_start AND cf.acquired_at < p.period_end`,
      subject: 'customer',
      subjectId: 'cf.customer_id',
      customerId: 'cf.customer_id',
      numerator: `CASE WHEN cf.first_end_reason = 'voluntary'
                   AND coalesce(cf.first_end, ${OPEN_END}) <= cf.acquired_at + INTERVAL '365 days' THEN 1 ELSE 0 END`,
      denominator: '1',
    }),
  isPartial: (periodEndUtc, asOf) => periodEndUtc.getTime() + YEAR_MS > asOf.getTime(),
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
  blocks: [],
  contributions: (context) => {
    const purchases = `(
      SELECT customer_id, ordered_at AS purchased_at FROM orders
      UNION ALL
      SELECT i.customer_id, i.paid_at FROM invoices i
      WHERE i.status = 'paid' AND i.paid_at IS NOT NULL
        AND NOT EXISTS (SELECT 1 FROM orders o WHERE o.customer_id = i.customer_id)
    )`;
    // The last purchase in P has, as its rank, the customer's purchase count up to the end of P.
    return selectContributions({
      from: `(
        SELECT p.period_start, r.customer_id, max(r.purchase_rank) AS to_date
        FROM (
          SELECT customer_id, purchased_at,
                 row_number() OVER (PARTITION BY customer_id ORDER BY purchased_at) AS purchase_rank
          FROM ${purchases} u
        ) r
        JOIN ${context.tables.periods} p ON r.purchased_at >= p.period_start AND r.purchased_at < p.period_end
        GROUP BY p.period_start, r.customer_id
      ) b`,
      period: 'b.period_start',
      subject: 'customer',
      subjectId: 'b.customer_id',
      customerId: 'b.customer_id',
      numerator: 'CASE WHEN b.to_date >= 2 THEN 1 ELSE 0 END',
      denominator: '1',
    });
  },
};

export const CUSTOMER_KPIS = [
  customersActive,
  newCustomers,
  firstYearVoluntaryTerminationRate,
  repeatCustomerRate,
];
