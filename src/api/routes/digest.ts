/**
 * GET /api/digest: the caller's daily digest as JSON, or as the HTML a mail
 * client gets. A rep and a manager always get their own (a manager's covers
 * the team); an admin gets the company's, or any rep's with `rep`.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { assembleDigest } from '../../digest/assemble-digest.js';
import { renderDigestHtml } from '../../digest/render/render-html.js';
import type { Runtime } from '../../runtime.js';
import { toIsoDate } from '../../store/sql-time.js';
import { requirePrincipal } from '../auth/authenticate.js';
import { problemSchema } from '../contract/common.js';

export function registerDigestRoutes(app: FastifyInstance, runtime: Runtime): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/digest',
    {
      schema: {
        tags: ['digest'],
        summary: 'Your daily digest: at-risk and new customers, lost and hot prospects, trends',
        querystring: z.object({
          date: z.iso.date().optional().describe('The digest’s day (default: today)'),
          rep: z
            .string()
            .optional()
            .describe('Admins only: this rep’s digest instead of the company’s'),
          format: z.enum(['json', 'html']).default('json'),
        }),
        response: { 200: z.unknown(), 404: problemSchema },
      },
    },
    async (request, reply) => {
      const principal = requirePrincipal(request);
      const repId =
        principal.role === 'admin' ? request.query.rep : (principal.rep_id ?? undefined);
      const digest = await assembleDigest(runtime.store, {
        date: request.query.date ?? toIsoDate(runtime.now()),
        repId,
        cache: runtime.metricCache,
      });
      if (request.query.format === 'html')
        return reply.type('text/html; charset=utf-8').send(renderDigestHtml(digest));
      return digest;
    },
  );
}
