/**
 * Recurring revenue: MRR and its movements, compared per customer between
 * the opening and the closing balance of P (DESIGN.md, reading 4). Ups and
 * downs inside P net out, and new + expansion + reactivation − contraction −
 * churned is exactly the change in MRR. Amounts are in the reporting
 * currency at the rate of the day each amount was set.
 */
import type { BaseKpi, KpiDirection, ValueKind } from '../definition.js';
import { CUSTOMER_PERIODS } from '../sources.js';

/** Each customer's MRR movement in P, as non-negative amounts. */
const MOVEMENT = {
  new: 'CASE WHEN NOT cp.is_active_start AND cp.is_active_end AND NOT cp.was_customer_before THEN cp.mrr_end ELSE 0 END',
  reactivation:
    'CASE WHEN NOT cp.is_active_start AND cp.is_active_end AND cp.was_customer_before THEN cp.mrr_end ELSE 0 END',
  churned: 'CASE WHEN cp.is_active_start AND NOT cp.is_active_end THEN cp.mrr_start ELSE 0 END',
  expansion:
    'CASE WHEN cp.is_active_start AND cp.is_active_end AND cp.mrr_end > cp.mrr_start THEN cp.mrr_end - cp.mrr_start ELSE 0 END',
  contraction:
    'CASE WHEN cp.is_active_start AND cp.is_active_end AND cp.mrr_end < cp.mrr_start THEN cp.mrr_start - cp.mrr_end ELSE 0 END',
} as const;

type RevenueKpiSpec = {
  id: string;
  isBalance?: boolean;
  display?: 'multiple';
  title: string;
  description: string;
  unit: BaseKpi['unit'];
  direction: KpiDirection;
  valueKind: ValueKind;
  where?: string;
  numerator: string;
  denominator?: string;
};

function revenueKpi(spec: RevenueKpiSpec): BaseKpi {
  return {
    kind: 'base',
    id: spec.id,
    ...(spec.display === undefined ? {} : { display: spec.display }),
    ...(spec.isBalance === undefined ? {} : { isBalance: spec.isBalance }),
    title: spec.title,
    description: spec.description,
    unit: spec.unit,
    direction: spec.direction,
    valueKind: spec.valueKind,
    needsSubscriptions: true,
    parts: [
      {
        source: CUSTOMER_PERIODS,
        ...(spec.where === undefined ? {} : { where: spec.where }),
        numerator: spec.numerator,
        ...(spec.denominator === undefined ? {} : { denominator: spec.denominator }),
      },
    ],
  };
}

export const mrr = revenueKpi({
  id: 'mrr',
  isBalance: true,
  title: 'MRR',
  description:
    'Monthly recurring revenue at the end of P in the reporting currency: each active subscription’s latest MRR (net of recurring discounts, trials excluded).',
  unit: 'currency',
  direction: 'higher_is_better',
  valueKind: 'total',
  where: 'cp.is_active_end',
  numerator: 'cp.mrr_end',
});

export const arr = revenueKpi({
  id: 'arr',
  isBalance: true,
  title: 'ARR',
  description: 'Annual recurring revenue: 12 × MRR at the end of P.',
  unit: 'currency',
  direction: 'higher_is_better',
  valueKind: 'total',
  where: 'cp.is_active_end',
  numerator: '12 * cp.mrr_end',
});

export const arpa = revenueKpi({
  id: 'arpa',
  title: 'ARPA',
  description:
    'Average revenue per account: MRR at the end of P divided by customers active at the end of P.',
  unit: 'currency',
  direction: 'higher_is_better',
  valueKind: 'ratio',
  where: 'cp.is_active_end',
  numerator: 'cp.mrr_end',
  denominator: '1',
});

function movementKpi(
  id: string,
  title: string,
  description: string,
  expression: string,
  direction: KpiDirection,
) {
  return revenueKpi({
    id,
    title,
    description,
    unit: 'currency',
    direction,
    valueKind: 'total',
    numerator: expression,
  });
}

export const mrrNew = movementKpi(
  'mrr_new',
  'New MRR',
  'MRR at the end of P of customers inactive at its start and never active before.',
  MOVEMENT.new,
  'higher_is_better',
);
export const mrrExpansion = movementKpi(
  'mrr_expansion',
  'Expansion MRR',
  'Net MRR increase of customers active at both the start and the end of P (upgrades, seats, a second subscription).',
  MOVEMENT.expansion,
  'higher_is_better',
);
export const mrrContraction = movementKpi(
  'mrr_contraction',
  'Contraction MRR',
  'Net MRR decrease of customers active at both the start and the end of P (downgrades, seat cuts, cancelling one of several subscriptions).',
  MOVEMENT.contraction,
  'lower_is_better',
);
export const mrrChurned = movementKpi(
  'mrr_churned',
  'Churned MRR',
  'Starting MRR of customers active at the start of P and inactive at its end.',
  MOVEMENT.churned,
  'lower_is_better',
);
export const mrrReactivation = movementKpi(
  'mrr_reactivation',
  'Reactivation MRR',
  'MRR at the end of P of customers inactive at its start who had been active before.',
  MOVEMENT.reactivation,
  'higher_is_better',
);

export const grossMrrChurnRate = revenueKpi({
  id: 'gross_mrr_churn_rate',
  title: 'Gross MRR churn rate',
  description: '(Churned + contraction MRR) divided by MRR at the start of P.',
  unit: 'ratio',
  direction: 'lower_is_better',
  valueKind: 'ratio',
  where: 'cp.is_active_start',
  numerator: `${MOVEMENT.churned} + ${MOVEMENT.contraction}`,
  denominator: 'cp.mrr_start',
});

export const netMrrChurnRate = revenueKpi({
  id: 'net_mrr_churn_rate',
  title: 'Net MRR churn rate',
  description:
    '(Churned + contraction − expansion − reactivation MRR) divided by MRR at the start of P; negative when expansion outgrows losses.',
  unit: 'ratio',
  direction: 'lower_is_better',
  valueKind: 'ratio',
  where: 'cp.is_active_start OR cp.is_active_end',
  numerator: `${MOVEMENT.churned} + ${MOVEMENT.contraction} - ${MOVEMENT.expansion} - ${MOVEMENT.reactivation}`,
  denominator: 'cp.mrr_start',
});

export const quickRatio = revenueKpi({
  id: 'quick_ratio',
  display: 'multiple',
  title: 'SaaS quick ratio',
  description: '(New + expansion + reactivation MRR) divided by (churned + contraction MRR) in P.',
  unit: 'ratio',
  direction: 'higher_is_better',
  valueKind: 'ratio',
  where: 'cp.is_active_start OR cp.is_active_end',
  numerator: `${MOVEMENT.new} + ${MOVEMENT.expansion} + ${MOVEMENT.reactivation}`,
  denominator: `${MOVEMENT.churned} + ${MOVEMENT.contraction}`,
});

export const netRevenueRetention = revenueKpi({
  id: 'net_revenue_retention',
  title: 'Net revenue retention',
  description:
    'MRR at the end of P from the customers active at its start, divided by their MRR at the start.',
  unit: 'ratio',
  direction: 'higher_is_better',
  valueKind: 'ratio',
  where: 'cp.is_active_start',
  numerator: 'cp.mrr_end',
  denominator: 'cp.mrr_start',
});

export const grossRevenueRetention = revenueKpi({
  id: 'gross_revenue_retention',
  title: 'Gross revenue retention',
  description:
    'Net revenue retention with each customer’s end MRR capped at its start MRR, so expansion cannot hide losses.',
  unit: 'ratio',
  direction: 'higher_is_better',
  valueKind: 'ratio',
  where: 'cp.is_active_start',
  numerator: 'least(cp.mrr_end, cp.mrr_start)',
  denominator: 'cp.mrr_start',
});

export const MRR_MOVEMENT_KPIS = [
  mrrNew,
  mrrExpansion,
  mrrContraction,
  mrrChurned,
  mrrReactivation,
];

export const REVENUE_KPIS = [
  mrr,
  arr,
  arpa,
  ...MRR_MOVEMENT_KPIS,
  grossMrrChurnRate,
  netMrrChurnRate,
  quickRatio,
  netRevenueRetention,
  grossRevenueRetention,
];
