/** GET /api/trackers/trends: per ISO week and tracker, conversations with a hit and their share. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { readTrackerTrends } from '../../models/trackers/tracker-trends.js';
import type { Runtime } from '../../runtime.js';
import { toIsoDate } from '../../store/sql-time.js';
import { requirePrincipal } from '../auth/authenticate.js';

const DAY_MS = 86_400_000;
const DEFAULT_WEEKS = 12;

const trackerWeekSchema = z
  .object({
    week_start: z.string(),
    tracker: z.string(),
    conversations: z.number(),
    conversations_with_hits: z.number(),
    hits: z.number(),
    share: z.number().nullable(),
  })
  .meta({ id: 'TrackerWeek' });

export function registerTrackerRoutes(app: FastifyInstance, runtime: Runtime): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/trackers/trends',
    {
      schema: {
        tags: ['trackers'],
        summary: 'Weekly keyword-tracker trends (as `retain trackers trends`)',
        querystring: z.object({
          from: z.iso.date().optional().describe('First day (default: 12 weeks before to)'),
          to: z.iso.date().optional().describe('Day after the last (default: tomorrow)'),
        }),
        response: { 200: z.object({ weeks: z.array(trackerWeekSchema) }) },
      },
    },
    async (request) => {
      requirePrincipal(request);
      const to = request.query.to ?? toIsoDate(new Date(runtime.now().getTime() + DAY_MS));
      const from =
        request.query.from ??
        toIsoDate(new Date(new Date(`${to}T00:00:00Z`).getTime() - DEFAULT_WEEKS * 7 * DAY_MS));
      return { weeks: await readTrackerTrends(runtime.store, { from, to }) };
    },
  );
}
