/** Customers: the visible list and one customer's page with its timeline. */
import { z } from 'zod';

export const customerListQuerySchema = z.object({
  search: z.string().optional().describe('Matches the id or the name'),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

export const customerSummarySchema = z
  .object({
    id: z.string(),
    name: z.string().nullable(),
    segment: z.string().nullable(),
    region: z.string().nullable(),
    owner_rep_id: z.string().nullable(),
    mrr: z.number().nullable(),
    is_active: z.boolean(),
  })
  .meta({ id: 'CustomerSummary' });

export const timelineEventSchema = z.object({
  at: z.string(),
  kind: z.enum([
    'subscription_started',
    'subscription_ended',
    'subscription_changed',
    'invoice',
    'ticket',
    'nps',
    'conversation',
  ]),
  id: z.string(),
  summary: z.string(),
  trackers: z
    .array(z.object({ tracker: z.string(), phrase: z.string(), snippet: z.string() }))
    .describe('Keyword-tracker hits in a conversation (empty for other events)'),
});

export const healthSnapshotSchema = z.object({
  as_of: z.string(),
  health: z.number(),
  at_risk: z.boolean(),
  risk_probability: z.number().nullable(),
  reasons: z.array(z.object({ reason: z.string(), contribution: z.number() })),
});

export const customerDetailSchema = z
  .object({
    customer: customerSummarySchema.extend({
      created_at: z.string(),
      industry: z.string().nullable(),
      acquisition_channel: z.string().nullable(),
      attributes: z.record(z.string(), z.string()),
    }),
    health: z
      .array(healthSnapshotSchema)
      .describe('Stored health snapshots, newest first (empty before `retain risk --store`)'),
    timeline: z.array(timelineEventSchema),
  })
  .meta({ id: 'CustomerDetail' });

export type CustomerSummary = z.output<typeof customerSummarySchema>;
export type CustomerDetail = z.output<typeof customerDetailSchema>;
