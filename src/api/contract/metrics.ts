/** The metrics API: the same parameters and the same result objects as `retain metrics --format json`. */
import { z } from 'zod';
import { KPI_UNITS } from '../../metrics/definition.js';
import { repeatedString } from './common.js';

export const metricQuerySchema = z.object({
  metric: z.string().optional().describe('Comma-separated KPI ids or families (default: all)'),
  grain: z
    .enum(['day', 'week', 'month', 'quarter', 'year'])
    .optional()
    .describe('Period grain (default month)'),
  from: z.string().optional().describe('First date, YYYY-MM-DD or YYYY-MM, floored to its period'),
  to: z.string().optional().describe('End date, exclusive'),
  tz: z
    .string()
    .optional()
    .describe('Reporting time zone deciding period boundaries (default UTC)'),
  where: repeatedString.describe('column=value filters; repeat the parameter to combine'),
  by: z.string().optional().describe('Break every result down by this column'),
  as_of: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional()
    .describe('The day to report as of (default: today)'),
});

export const metricResultSchema = z
  .object({
    metric: z.string(),
    period_start: z.string(),
    period_end: z.string(),
    value: z.number().nullable(),
    numerator: z.number().nullable(),
    denominator: z.number().nullable(),
    unit: z.enum(KPI_UNITS),
    segment: z.string().nullable(),
    partial: z.boolean().optional(),
  })
  .meta({ id: 'MetricResult' });

export const kpiSchema = z
  .object({
    id: z.string(),
    title: z.string(),
    description: z.string(),
    unit: z.enum(KPI_UNITS),
    display: z.enum(['percent', 'multiple']),
    direction: z.enum(['higher_is_better', 'lower_is_better']),
  })
  .meta({ id: 'Kpi' });

export type MetricQuery = z.input<typeof metricQuerySchema>;
export type MetricResult = z.output<typeof metricResultSchema>;
export type Kpi = z.output<typeof kpiSchema>;
