/** The at-risk list: the latest stored health snapshot's at-risk customers the caller may see. */
import { z } from 'zod';

export const atRiskCustomerSchema = z
  .object({
    customer_id: z.string(),
    name: z.string().nullable(),
    owner_rep_id: z.string().nullable(),
    owner_name: z.string().nullable(),
    health: z.number().describe('0..100, higher is healthier'),
    risk_probability: z
      .number()
      .nullable()
      .describe('P(churn within 90 days) from the learned model'),
    reasons: z.array(z.object({ reason: z.string(), contribution: z.number() })),
    since: z.string().describe('The snapshot the current at-risk stretch began in'),
  })
  .meta({ id: 'AtRiskCustomer' });

export const atRiskListSchema = z.object({
  as_of: z
    .string()
    .nullable()
    .describe('The snapshot read (null before `retain risk --store` ran)'),
  customers: z.array(atRiskCustomerSchema),
});

export type AtRiskList = z.infer<typeof atRiskListSchema>;
