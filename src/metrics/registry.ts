/**
 * Every KPI Retain computes, once. Surfaces (CLI, API, dashboard, digest,
 * goals) look KPIs up here and nowhere else. Two DESIGN.md ids name
 * families that report several results: mrr_movements and activities_per_rep.
 */
import { RetainError } from '../domain/errors.js';
import type { KpiDefinition } from './definition.js';
import { ACTIVITY_KPIS, ACTIVITY_RATE_KPIS } from './definitions/activity.js';
import { CHURN_KPIS } from './definitions/churn.js';
import { CUSTOMER_KPIS } from './definitions/customers.js';
import { nps } from './definitions/nps.js';
import { MRR_MOVEMENT_KPIS, REVENUE_KPIS } from './definitions/revenue.js';
import { SALES_KPIS } from './definitions/sales.js';
import { UNIT_ECONOMICS_KPIS } from './definitions/unit-economics.js';

export const KPIS: readonly KpiDefinition[] = [
  ...CUSTOMER_KPIS,
  ...CHURN_KPIS,
  ...REVENUE_KPIS,
  ...UNIT_ECONOMICS_KPIS,
  nps,
  ...ACTIVITY_KPIS,
  ...SALES_KPIS,
];

export const KPI_FAMILIES: Readonly<Record<string, readonly string[]>> = {
  mrr_movements: MRR_MOVEMENT_KPIS.map((kpi) => kpi.id),
  activities_per_rep: ACTIVITY_RATE_KPIS.map((kpi) => kpi.id),
};

const BY_ID = new Map(KPIS.map((kpi) => [kpi.id, kpi]));

export function findKpi(id: string): KpiDefinition | undefined {
  return BY_ID.get(id);
}

export function findKpiOrThrow(id: string): KpiDefinition {
  const kpi = BY_ID.get(id);
  if (!kpi) {
    throw new RetainError('UNKNOWN_METRIC', `"${id}" is not a KPI Retain computes.`, {
      hint: `Run retain metrics --list to see them; families: ${Object.keys(KPI_FAMILIES).join(', ')}.`,
    });
  }
  return kpi;
}

/** Expands families and checks every id; the order is the registry's, duplicates removed. */
export function resolveKpiIds(ids: readonly string[] | undefined): KpiDefinition[] {
  if (ids === undefined || ids.length === 0) return [...KPIS];
  const wanted = new Set(ids.flatMap((id) => KPI_FAMILIES[id] ?? [findKpiOrThrow(id).id]));
  return KPIS.filter((kpi) => wanted.has(kpi.id));
}
