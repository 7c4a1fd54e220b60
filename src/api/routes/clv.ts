/**
 * GET /api/clv/predictions: the stored per-customer CLV predictions
 * (`retain clv predict --store`), highest value first, for the customers the
 * caller may see.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { RetainError } from '../../domain/errors.js';
import type { Runtime } from '../../runtime.js';
import { requirePrincipal } from '../auth/authenticate.js';
import { buildOwnerFilter } from '../auth/scope.js';

export function registerClvRoutes(app: FastifyInstance, runtime: Runtime): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/clv/predictions',
    {
      schema: {
        tags: ['clv'],
        summary: 'Per-customer probability alive, expected purchases and CLV, highest CLV first',
        querystring: z.object({
          limit: z.coerce.number().int().min(1).max(1000).default(100),
          offset: z.coerce.number().int().min(0).default(0),
        }),
      },
    },
    async (request) => {
      const owner = buildOwnerFilter(requirePrincipal(request), 'c.owner_rep_id', 1);
      const [fitted] = await runtime.store.query<{ n: number }>(
        `SELECT count(*) AS n FROM clv_predictions`,
      );
      if ((fitted?.n ?? 0) === 0) {
        throw new RetainError('NOT_FOUND', 'No CLV predictions are stored yet.', {
          hint: 'Run retain clv predict --from-orders --store.',
        });
      }
      const rows = await runtime.store.query(
        `SELECT p.customer_id, c.name, p.model, p.probability_alive, p.expected_purchases, p.purchase_horizon,
                p.expected_average_value, p.clv, p.clv_horizon, p.computed_at
         FROM clv_predictions p JOIN customers c ON c.id = p.customer_id
         WHERE ${owner.sql}
         ORDER BY p.clv DESC NULLS LAST, p.customer_id
         LIMIT ${request.query.limit} OFFSET ${request.query.offset}`,
        owner.params,
      );
      // Exact decimals travel as text through the store; the dashboard wants numbers.
      return rows.map((row) => ({
        ...row,
        probability_alive: Number(row.probability_alive),
        expected_purchases: Number(row.expected_purchases),
        purchase_horizon: Number(row.purchase_horizon),
        expected_average_value:
          row.expected_average_value === null ? null : Number(row.expected_average_value),
        clv: row.clv === null ? null : Number(row.clv),
        clv_horizon: Number(row.clv_horizon),
      }));
    },
  );
}
