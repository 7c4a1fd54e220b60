/**
 * The alert log over HTTP: GET /api/alerts lists the alerts the caller may
 * see (a rep their own, a manager their team's, an admin all), and
 * acknowledge/resolve move one forward. An alert outside the caller's view
 * is a 404, as customers are, so ids of other books are not confirmed.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  acknowledgeAlert,
  readAlerts,
  resolveAlert,
  type AlertScope,
} from '../../alerts/alert-log.js';
import type { Runtime } from '../../runtime.js';
import { requirePrincipal } from '../auth/authenticate.js';
import { buildOwnerFilter } from '../auth/scope.js';
import type { Principal } from '../auth/users.js';
import { alertListQuerySchema, alertSchema } from '../contract/alerts.js';
import { problemSchema } from '../contract/common.js';

export function registerAlertRoutes(app: FastifyInstance, runtime: Runtime): void {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  const scopeOf =
    (principal: Principal): AlertScope =>
    (first) =>
      buildOwnerFilter(principal, 'a.assignee_rep_id', first);

  typed.get(
    '/api/alerts',
    {
      schema: {
        tags: ['alerts'],
        summary: 'The alerts you may see, newest first',
        querystring: alertListQuerySchema,
        response: { 200: z.object({ alerts: z.array(alertSchema) }) },
      },
    },
    async (request) => {
      const principal = requirePrincipal(request);
      const alerts = await readAlerts(runtime.store, {
        state: request.query.state,
        scope: scopeOf(principal),
      });
      return { alerts };
    },
  );

  const transitions = [
    ['acknowledge', acknowledgeAlert, 'Acknowledge an alert: someone is on it'],
    ['resolve', resolveAlert, 'Resolve an alert: the follow-up is done'],
  ] as const;
  for (const [action, advance, summary] of transitions) {
    typed.post(
      `/api/alerts/:id/${action}`,
      {
        schema: {
          tags: ['alerts'],
          summary,
          params: z.object({ id: z.string() }),
          response: { 200: alertSchema, 404: problemSchema, 409: problemSchema },
        },
      },
      async (request) => {
        const principal = requirePrincipal(request);
        return advance(runtime.store, request.params.id, runtime.now(), scopeOf(principal));
      },
    );
  }
}
