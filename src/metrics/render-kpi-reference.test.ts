import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KPIS } from './registry.js';
import { renderKpiReference } from './render-kpi-reference.js';

describe('the KPI reference', () => {
  it('docs/kpis.md is current (regenerate with npx tsx scripts/write-kpi-reference.ts)', async () => {
    expect(await readFile(join(import.meta.dirname, '../../docs/kpis.md'), 'utf8')).toBe(
      renderKpiReference(),
    );
  });

  it('covers every KPI id of DESIGN.md', () => {
    const designIds = [
      'customers_active',
      'new_customers',
      'customer_churn_rate',
      'customer_retention_rate',
      'voluntary_churn_rate',
      'delinquent_churn_rate',
      'seat_churn_rate',
      'mrr',
      'arr',
      'arpa',
      'mrr_new',
      'mrr_expansion',
      'mrr_contraction',
      'mrr_churned',
      'mrr_reactivation',
      'gross_mrr_churn_rate',
      'net_mrr_churn_rate',
      'quick_ratio',
      'net_revenue_retention',
      'gross_revenue_retention',
      'first_year_voluntary_termination_rate',
      'repeat_customer_rate',
      'clv',
      'cac',
      'cac_payback_months',
      'ltv_to_cac',
      'nps',
      'potential_new_clients_contacted',
      'dials_per_meeting',
      'calls_per_rep_per_day',
      'emails_per_rep_per_day',
      'meetings_per_rep_per_day',
      'demos_per_rep_per_day',
      'calls_per_rep_per_week',
      'emails_per_rep_per_week',
      'meetings_per_rep_per_week',
      'demos_per_rep_per_week',
      'win_rate',
      'average_deal_size',
      'sales_cycle_days',
      'sales_velocity',
      'pipeline_coverage',
      'weighted_pipeline',
    ];
    const ids = new Set(KPIS.map((kpi) => kpi.id));
    expect(designIds.filter((id) => !ids.has(id))).toEqual([]);
  });
});
