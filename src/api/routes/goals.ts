/**
 * Goals over HTTP: progress with pace (a rep sees their own goals, a manager
 * their team's), the activity plan behind a revenue goal, and adding goals
 * (admins and managers).
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { addGoal } from '../../goals/add-goal.js';
import { computeGoalProgress } from '../../goals/goal-progress.js';
import { parsePlanPeriod } from '../../goals/parse-plan-period.js';
import { planActivity } from '../../goals/plan-activity.js';
import type { Runtime } from '../../runtime.js';
import { requirePrincipal, requireRole } from '../auth/authenticate.js';

const asOfSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .optional()
  .describe('The day to report as of (default: today)');

export function registerGoalRoutes(app: FastifyInstance, runtime: Runtime): void {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  const asOfOf = (text: string | undefined) =>
    text ? new Date(`${text}T00:00:00Z`) : runtime.now();

  typed.get(
    '/api/goals/progress',
    {
      schema: {
        tags: ['goals'],
        summary: 'Current goals with actual, expected by pace, projected and status',
        querystring: z.object({
          as_of: asOfSchema,
          rep: z.string().optional(),
          team: z.string().optional(),
        }),
      },
    },
    async (request) => {
      const principal = requirePrincipal(request);
      // A rep sees their own goals, a manager their team's; an admin picks.
      const rep = principal.role === 'rep' ? (principal.rep_id ?? '') : request.query.rep;
      const team = principal.role === 'manager' ? (principal.team ?? '') : request.query.team;
      return computeGoalProgress(runtime.store, {
        asOf: asOfOf(request.query.as_of),
        rep,
        team,
        cache: runtime.metricCache,
      });
    },
  );

  typed.get(
    '/api/goals/plan',
    {
      schema: {
        tags: ['goals'],
        summary: 'Work back from a revenue goal to dials and meetings per rep per working day',
        querystring: z.object({
          revenue: z.coerce.number().positive(),
          period: z.string(),
          team: z.string().optional(),
          as_of: asOfSchema,
        }),
      },
    },
    async (request) => {
      const principal = requireRole(request, ['admin', 'manager']);
      const team =
        principal.role === 'manager' ? (principal.team ?? undefined) : request.query.team;
      return planActivity(runtime.store, {
        revenue: request.query.revenue,
        period: parsePlanPeriod(request.query.period),
        team,
        asOf: asOfOf(request.query.as_of),
        cache: runtime.metricCache,
      });
    },
  );

  typed.post(
    '/api/goals',
    {
      schema: {
        tags: ['goals'],
        summary: 'Add a goal (admins; managers for their team)',
        body: z.object({
          metric: z.string(),
          target: z.union([z.number(), z.string()]),
          period: z.string().describe('2027-Q1, 2027-03, 2027, or 2027-01-01..2027-04-01'),
          scope: z.enum(['company', 'team', 'rep']).default('company'),
          scope_id: z.string().optional(),
        }),
        response: { 201: z.object({ id: z.string() }) },
      },
    },
    async (request, reply) => {
      const principal = requireRole(request, ['admin', 'manager']);
      const isManagersOwnTeam =
        request.body.scope === 'team' && request.body.scope_id === principal.team;
      if (principal.role === 'manager' && !isManagersOwnTeam) requireRole(request, ['admin']);
      const id = await addGoal(runtime.store, {
        metric: request.body.metric,
        target: String(request.body.target),
        period: request.body.period,
        scope: request.body.scope,
        scopeId: request.body.scope_id,
      });
      return reply.code(201).send({ id });
    },
  );
}
