/**
 * What a customer is worth and what one costs to win: simple CLV, CAC, CAC
 * payback and LTV:CAC (DESIGN.md, reading 10). CLV divides by the churn
 * averaged over the six monthly rates ending at the end of P, so one quiet
 * month cannot make it infinite; CAC counts every kind of spend, prorated by
 * overlap, and splits only by acquisition channel.
 */
import { convertedAmount, joinFx, SPEND_MONEY } from '../blocks/fx.js';
import type { BaseKpi, CompositeKpi, RowSource } from '../definition.js';
import { ACQUISITIONS } from '../sources.js';

/** Spend rows overlapping the period, with their amount prorated by overlap (period_end is exclusive). */
const SPEND: RowSource = {
  id: 'spend',
  blocks: ['spendRates'],
  from: (context) => `(
      SELECT s.*, ${convertedAmount(context, 'fx', 's.amount', 's.currency')} AS amount_reporting
      FROM marketing_spend s ${joinFx(context, 'fx', SPEND_MONEY)}
    ) m
    JOIN ${context.tables.periods} p ON m.period_start < p.end_date AND m.period_end > p.start_date`,
  period: 'p.period_start',
  subject: 'spend',
  subjectId: 'm.id',
  channel: 'm.channel',
};

export const cac: BaseKpi = {
  kind: 'base',
  id: 'cac',
  title: 'Customer acquisition cost',
  description:
    'Sales and marketing spend in P (rows spanning several periods prorated by overlap) divided by new customers in P; per acquisition channel, spend whose channel matches. Null when no spend overlaps P.',
  unit: 'currency',
  direction: 'lower_is_better',
  valueKind: 'ratio',
  dimensions: ['acquisition_channel'],
  parts: [
    {
      source: SPEND,
      numerator:
        'm.amount_reporting * (least(m.period_end, p.end_date) - greatest(m.period_start, p.start_date)) / (m.period_end - m.period_start)',
      denominator: '0',
    },
    // No numerator here: with no spend row the numerator stays null, and so does CAC.
    { source: ACQUISITIONS, numerator: 'NULL', denominator: '1' },
  ],
};

const valueOrNull = (value: number | null | undefined) => value ?? null;
const safeDivide = (numerator: number | null, denominator: number | null) =>
  numerator === null || denominator === null || denominator === 0 ? null : numerator / denominator;

export const clv: CompositeKpi = {
  kind: 'composite',
  id: 'clv',
  title: 'Customer lifetime value (simple)',
  description:
    'ARPA at the end of P × gross margin ÷ monthly customer churn, the churn averaged over the six monthly rates ending at the end of P (months without a start cohort skipped). Null when that churn is 0.',
  unit: 'currency',
  direction: 'higher_is_better',
  needsSubscriptions: true,
  components: ['arpa'],
  needsTrailingChurn: true,
  readsGrossMargin: true,
  combine: (values, { grossMargin, trailingMonthlyChurn }) => {
    const arpaValue = valueOrNull(values.arpa?.value);
    const numerator = arpaValue === null ? null : arpaValue * grossMargin;
    return {
      numerator,
      denominator: trailingMonthlyChurn,
      value: safeDivide(numerator, trailingMonthlyChurn),
    };
  },
};

export const cacPaybackMonths: CompositeKpi = {
  kind: 'composite',
  id: 'cac_payback_months',
  title: 'CAC payback',
  description:
    'Months to earn back CAC: CAC ÷ (new-customer ARPA × gross margin), where new-customer ARPA is new MRR ÷ new customers.',
  unit: 'months',
  direction: 'lower_is_better',
  needsSubscriptions: true,
  dimensions: ['acquisition_channel'],
  components: ['cac', 'mrr_new'],
  readsGrossMargin: true,
  combine: (values, { grossMargin }) => {
    const cacValue = valueOrNull(values.cac?.value);
    const newCustomerCount = valueOrNull(values.cac?.denominator);
    const newMrr = valueOrNull(values.mrr_new?.value);
    const newArpa = safeDivide(newMrr, newCustomerCount);
    const denominator = newArpa === null ? null : newArpa * grossMargin;
    return { numerator: cacValue, denominator, value: safeDivide(cacValue, denominator) };
  },
};

export const ltvToCac: CompositeKpi = {
  kind: 'composite',
  id: 'ltv_to_cac',
  display: 'multiple',
  title: 'LTV : CAC',
  description: 'Simple CLV divided by CAC.',
  unit: 'ratio',
  direction: 'higher_is_better',
  needsSubscriptions: true,
  dimensions: ['acquisition_channel'],
  components: ['clv', 'cac'],
  combine: (values) => {
    const numerator = valueOrNull(values.clv?.value);
    const denominator = valueOrNull(values.cac?.value);
    return { numerator, denominator, value: safeDivide(numerator, denominator) };
  },
};

export const UNIT_ECONOMICS_KPIS = [clv, cac, cacPaybackMonths, ltvToCac];
