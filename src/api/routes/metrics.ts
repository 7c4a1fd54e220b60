/**
 * GET /api/metrics, /api/cohorts and /api/survival: the same parameters and
 * JSON as `retain metrics`, `retain cohorts` and `retain survival`, cut to
 * what the caller may see. Identical requests are answered from the response
 * cache while the data version holds.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { computeMetrics } from '../../metrics/compute-metrics.js';
import { computeCohorts } from '../../metrics/cohorts.js';
import {
  parseAsOf,
  parseMetricRequest,
  type MetricRequest,
} from '../../metrics/parse-metric-request.js';
import { KPIS } from '../../metrics/registry.js';
import { computeSurvival, parseSurvivalRequest } from '../../metrics/survival.js';
import { createDataVersionReader } from '../../store/data-version.js';
import type { Runtime } from '../../runtime.js';
import { requirePrincipal } from '../auth/authenticate.js';
import { toMetricFilters } from '../auth/scope.js';
import type { Principal } from '../auth/users.js';
import { problemSchema } from '../contract/common.js';
import { kpiSchema, metricQuerySchema, metricResultSchema } from '../contract/metrics.js';
import {
  cohortMatrixSchema,
  cohortQuerySchema,
  survivalQuerySchema,
  survivalReportSchema,
} from '../contract/retention.js';
import type { ResponseCache } from '../response-cache.js';

type MetricQueryInput = z.output<typeof metricQuerySchema>;

export function registerMetricRoutes(
  app: FastifyInstance,
  runtime: Runtime,
  cache: ResponseCache,
): void {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  const toRequest = (query: MetricQueryInput, principal: Principal): MetricRequest => ({
    asOf: query.as_of ? parseAsOf(query.as_of, query.tz ?? 'UTC') : runtime.now(),
    where: [...query.where, ...toMetricFilters(principal)],
    ...(query.metric === undefined
      ? {}
      : { metrics: query.metric.split(',').map((id) => id.trim()) }),
    ...(query.grain === undefined ? {} : { grain: query.grain }),
    ...(query.from === undefined ? {} : { from: query.from }),
    ...(query.to === undefined ? {} : { to: query.to }),
    ...(query.tz === undefined ? {} : { timeZone: query.tz }),
    ...(query.by === undefined ? {} : { by: query.by }),
  });
  const readVersion = createDataVersionReader(runtime.store);
  /** Answers from the cache, or computes and remembers; keyed on everything that decides the answer. */
  const cached = async <T>(
    kind: string,
    request: MetricRequest,
    compute: () => Promise<T>,
  ): Promise<T> => {
    const key = JSON.stringify([kind, await readVersion(), request]);
    const hit = cache.get(key);
    if (hit !== undefined) return hit as T;
    const value = await compute();
    cache.set(key, value);
    return value;
  };

  typed.get(
    '/api/metrics',
    {
      schema: {
        tags: ['metrics'],
        summary: 'KPIs for a grain, range and slice, each with numerator and denominator',
        querystring: metricQuerySchema,
        response: { 200: z.array(metricResultSchema), 400: problemSchema },
      },
    },
    async (request) => {
      const metricRequest = toRequest(request.query, requirePrincipal(request));
      return cached('metrics', metricRequest, async () =>
        computeMetrics(
          runtime.store,
          await parseMetricRequest(runtime.store, metricRequest),
          runtime.metricCache,
        ),
      );
    },
  );

  typed.get(
    '/api/metrics/catalogue',
    {
      schema: {
        tags: ['metrics'],
        summary: 'Every KPI with its definition',
        response: { 200: z.array(kpiSchema) },
      },
    },
    () =>
      KPIS.map((kpi) => ({
        id: kpi.id,
        title: kpi.title,
        description: kpi.description,
        unit: kpi.unit,
        display: kpi.display ?? 'percent',
        direction: kpi.direction,
      })),
  );

  typed.get(
    '/api/cohorts',
    {
      schema: {
        tags: ['metrics'],
        summary: 'Retention matrix by acquisition cohort, overall or one per segment value',
        querystring: cohortQuerySchema,
        response: { 200: cohortMatrixSchema, 400: problemSchema },
      },
    },
    async (request) => {
      const metricRequest = toRequest(request.query, requirePrincipal(request));
      return cached(`cohorts-${request.query.basis}`, metricRequest, async () =>
        computeCohorts(
          runtime.store,
          await parseMetricRequest(runtime.store, metricRequest),
          request.query.basis,
          runtime.metricCache,
        ),
      );
    },
  );

  typed.get(
    '/api/survival',
    {
      schema: {
        tags: ['metrics'],
        summary: 'Kaplan–Meier survival of customer tenure, overall or one curve per segment value',
        querystring: survivalQuerySchema,
        response: { 200: survivalReportSchema, 400: problemSchema },
      },
    },
    async (request) => {
      const survivalRequest = toRequest(request.query, requirePrincipal(request));
      return cached('survival', survivalRequest, async () =>
        computeSurvival(
          runtime.store,
          await parseSurvivalRequest(runtime.store, survivalRequest),
          runtime.metricCache,
        ),
      );
    },
  );
}
