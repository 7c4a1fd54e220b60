/**
 * GET /api/risk: the at-risk customers of the latest health snapshot
 * (`retain risk --store`), least healthy first, with their reasons and
 * since when; a rep sees their own, a manager their team's, an admin all.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { findLatestSnapshot, readAtRiskCustomers } from '../../alerts/at-risk-customers.js';
import type { Runtime } from '../../runtime.js';
import { toIsoDate } from '../../store/sql-time.js';
import { requirePrincipal } from '../auth/authenticate.js';
import { buildOwnerFilter } from '../auth/scope.js';
import { atRiskListSchema } from '../contract/risk.js';

export function registerRiskRoutes(app: FastifyInstance, runtime: Runtime): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/risk',
    {
      schema: {
        tags: ['risk'],
        summary: 'At-risk customers of the latest health snapshot, with their reasons',
        response: { 200: atRiskListSchema },
      },
    },
    async (request) => {
      const principal = requirePrincipal(request);
      const snapshot = await findLatestSnapshot(runtime.store, toIsoDate(runtime.now()));
      if (snapshot === null) return { as_of: null, customers: [] };
      const customers = await readAtRiskCustomers(
        runtime.store,
        snapshot,
        buildOwnerFilter(principal, 'c.owner_rep_id', 2),
      );
      return { as_of: snapshot, customers };
    },
  );
}
