/**
 * Workspace settings the KPIs depend on, from the store's settings table,
 * each validated before it can reach SQL: the reporting currency, the gross
 * margin used by CLV and CAC payback (default 100 %), how long an order
 * keeps a customer active in orders-only workspaces (default 365 days), and
 * win probabilities per deal stage (default: the historical win rate).
 */
import { z } from 'zod';
import { RetainError } from '../domain/errors.js';
import type { Store } from '../store/store.js';

const stageProbabilitiesSchema = z
  .string()
  .transform((text, ctx) => {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      ctx.addIssue({ code: 'custom', message: 'is not JSON, e.g. {"proposal": 0.4}' });
      return z.NEVER;
    }
  })
  .pipe(z.record(z.string(), z.number().min(0).max(1)));

const settingsSchema = z.object({
  stage_probabilities: stageProbabilitiesSchema.optional(),
  reporting_currency: z
    .string()
    .regex(/^[A-Z]{3}$/)
    .default('USD'),
  gross_margin: z.coerce.number().gt(0).max(1).default(1),
  order_active_days: z.coerce.number().int().min(1).max(3650).default(365),
});

export type WorkspaceSettings = {
  reportingCurrency: string;
  grossMargin: number;
  orderActiveDays: number;
  /** Win probability per deal stage for the weighted pipeline; other stages use the historical win rate. */
  stageProbabilities: Readonly<Record<string, number>>;
};

export async function readWorkspaceSettings(store: Store): Promise<WorkspaceSettings> {
  const rows = await store.query<{ key: string; value: string }>(`SELECT key, value FROM settings`);
  const parsed = settingsSchema.safeParse(
    Object.fromEntries(rows.map((row) => [row.key, row.value])),
  );
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new RetainError(
      'INVALID_ARGUMENT',
      `The workspace setting ${String(issue?.path[0])} is invalid: ${issue?.message ?? ''}.`,
      {
        hint: 'Fix the row in the settings table (reporting_currency: ISO code; gross_margin: 0 < m ≤ 1; order_active_days: whole days; stage_probabilities: JSON of stage to 0..1).',
      },
    );
  }
  return {
    reportingCurrency: parsed.data.reporting_currency,
    grossMargin: parsed.data.gross_margin,
    orderActiveDays: parsed.data.order_active_days,
    stageProbabilities: parsed.data.stage_probabilities ?? {},
  };
}
