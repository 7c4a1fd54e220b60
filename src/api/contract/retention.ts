/**
 * The cohort and survival API: the parameters of `retain cohorts` and
 * `retain survival` and the JSON they print with `--format json`. Field
 * names are snake_case and carry their unit where one applies (`median_days`).
 */
import { z } from 'zod';
import { metricQuerySchema } from './metrics.js';

export const cohortQuerySchema = metricQuerySchema.omit({ metric: true }).extend({
  by: z.string().optional().describe('One matrix per value of this column'),
  basis: z
    .enum(['logos', 'revenue'])
    .default('logos')
    .describe('Retain customers (logos) or MRR (revenue)'),
});

// No grain: the range picks customers by acquisition date, to the day.
export const survivalQuerySchema = metricQuerySchema.omit({ metric: true, grain: true }).extend({
  from: z
    .string()
    .optional()
    .describe('First acquisition date, YYYY-MM-DD (default: every customer)'),
  to: z.string().optional().describe('End of the acquisition range, exclusive'),
  by: z.string().optional().describe('One curve per value of this column'),
});

export const cohortRowSchema = z
  .object({
    segment: z
      .string()
      .nullable()
      .describe('The breakdown value (null without `by`, or for customers without one)'),
    cohort_start: z.string().describe('First day of the acquisition period'),
    customers: z.number().int().describe('Customers acquired in it (100 % by logos)'),
    base_mrr: z
      .number()
      .nullable()
      .describe(
        'Their MRR at the end of that period in the reporting currency (100 % by revenue); null without subscriptions',
      ),
    retention: z
      .array(z.number().nullable())
      .describe('Fraction kept at the end of offset 0, 1, 2 … periods; null where the base is 0'),
  })
  .meta({ id: 'CohortRow' });

export const cohortMatrixSchema = z
  .object({
    grain: z.enum(['day', 'week', 'month', 'quarter', 'year']),
    basis: z.enum(['logos', 'revenue']),
    by: z.string().nullable(),
    cohorts: z.array(cohortRowSchema).describe('By segment (none last), then by cohort'),
  })
  .meta({ id: 'CohortMatrix' });

export const survivalPointSchema = z
  .object({
    days: z.number().describe('Tenure at which the events happened'),
    at_risk: z.number().int().describe('Customers still observed just before then'),
    events: z.number().int(),
    survival: z.number(),
    lower_95: z.number().describe('Pointwise 95 % band, log(−log) transformed'),
    upper_95: z.number(),
  })
  .meta({ id: 'SurvivalPoint' });

export const survivalCurveSchema = z
  .object({
    segment: z.string().nullable(),
    customers: z.number().int(),
    events: z.number().int().describe('Customers whose first stretch ended'),
    censored: z.number().int().describe('Customers still active at the as-of date'),
    median_days: z.number().nullable().describe('Null while more than half remain'),
    median_lower_days: z.number().nullable().describe('Where the band’s lower edge reaches 0.5'),
    median_upper_days: z.number().nullable().describe('Where the band’s upper edge reaches 0.5'),
    points: z.array(survivalPointSchema),
  })
  .meta({ id: 'SurvivalCurve' });

export const survivalReportSchema = z
  .object({
    by: z.string().nullable(),
    curves: z.array(survivalCurveSchema),
  })
  .meta({ id: 'SurvivalReport' });

export type CohortQuery = z.input<typeof cohortQuerySchema>;
export type CohortMatrix = z.output<typeof cohortMatrixSchema>;
export type CohortBasis = CohortMatrix['basis'];
export type SurvivalQuery = z.input<typeof survivalQuerySchema>;
export type SurvivalReport = z.output<typeof survivalReportSchema>;
export type SurvivalCurve = SurvivalReport['curves'][number];
