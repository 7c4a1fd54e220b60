/**
 * GET /api/customers and /api/customers/:id, limited to the customers the
 * caller may see: a rep asking for someone else's customer gets 404, by URL
 * or by API alike, so ids of other books are not even confirmed.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { RetainError } from '../../domain/errors.js';
import { readCurrentMrr } from '../../metrics/customer-mrr.js';
import { readHealthHistory } from '../../models/risk/health-history.js';
import type { Runtime } from '../../runtime.js';
import { toIsoDate } from '../../store/sql-time.js';
import type { SqlValue } from '../../store/store.js';
import { requirePrincipal } from '../auth/authenticate.js';
import { buildOwnerFilter } from '../auth/scope.js';
import { problemSchema } from '../contract/common.js';
import {
  customerDetailSchema,
  customerListQuerySchema,
  customerSummarySchema,
} from '../contract/customers.js';

type CustomerRow = {
  id: string;
  name: string | null;
  segment: string | null;
  region: string | null;
  industry: string | null;
  acquisition_channel: string | null;
  owner_rep_id: string | null;
  created_at: string;
  attributes: string | null;
};

const TIMELINE_LIMIT = 200;
/** About two months of daily snapshots: enough to see a slide. */
const HEALTH_SNAPSHOTS_SHOWN = 60;

export function registerCustomerRoutes(app: FastifyInstance, runtime: Runtime): void {
  const typed = app.withTypeProvider<ZodTypeProvider>();

  typed.get(
    '/api/customers',
    {
      schema: {
        tags: ['customers'],
        summary: 'The customers you may see, with their current MRR',
        querystring: customerListQuerySchema,
        response: {
          200: z.object({ total: z.number(), customers: z.array(customerSummarySchema) }),
        },
      },
    },
    async (request) => {
      const principal = requirePrincipal(request);
      const owner = buildOwnerFilter(principal, 'c.owner_rep_id', 1);
      const params: SqlValue[] = [...owner.params];
      let where = owner.sql;
      if (request.query.search) {
        params.push(`%${request.query.search.toLowerCase()}%`);
        where += ` AND (lower(c.id) LIKE $${params.length} OR lower(coalesce(c.name, '')) LIKE $${params.length})`;
      }
      const [total] = await runtime.store.query<{ n: number }>(
        `SELECT count(*) AS n FROM customers c WHERE ${where}`,
        params,
      );
      const rows = await runtime.store.query<CustomerRow>(
        `SELECT c.* FROM customers c WHERE ${where} ORDER BY c.id LIMIT ${request.query.limit} OFFSET ${request.query.offset}`,
        params,
      );
      const mrr = await readCurrentMrr(runtime.store, runtime.now(), runtime.metricCache);
      return { total: total?.n ?? 0, customers: rows.map((row) => toSummary(row, mrr)) };
    },
  );

  typed.get(
    '/api/customers/:id',
    {
      schema: {
        tags: ['customers'],
        summary:
          'One customer with a timeline of subscriptions, invoices, tickets, NPS answers and conversations',
        params: z.object({ id: z.string() }),
        response: { 200: customerDetailSchema, 404: problemSchema },
      },
    },
    async (request) => {
      const principal = requirePrincipal(request);
      const owner = buildOwnerFilter(principal, 'c.owner_rep_id', 2);
      const [row] = await runtime.store.query<CustomerRow>(
        `SELECT c.* FROM customers c WHERE c.id = $1 AND ${owner.sql}`,
        [request.params.id, ...owner.params],
      );
      if (!row) {
        throw new RetainError('NOT_FOUND', `No customer ${request.params.id} that you may see.`, {
          hint: 'Check the id; reps see their own customers and managers their team’s.',
        });
      }
      const mrr = await readCurrentMrr(runtime.store, runtime.now(), runtime.metricCache);
      return {
        customer: {
          ...toSummary(row, mrr),
          created_at: row.created_at,
          industry: row.industry,
          acquisition_channel: row.acquisition_channel,
          attributes: row.attributes ? (JSON.parse(row.attributes) as Record<string, string>) : {},
        },
        health: await readHealthHistory(
          runtime.store,
          row.id,
          toIsoDate(runtime.now()),
          HEALTH_SNAPSHOTS_SHOWN,
        ),
        timeline: await readTimeline(runtime, row.id),
      };
    },
  );
}

function toSummary(row: CustomerRow, mrr: ReadonlyMap<string, number>) {
  return {
    id: row.id,
    name: row.name,
    segment: row.segment,
    region: row.region,
    owner_rep_id: row.owner_rep_id,
    mrr: mrr.get(row.id) ?? null,
    is_active: mrr.has(row.id),
  };
}

type TimelineRow = { happened_at: string; kind: string; id: string; summary: string };

async function readTimeline(runtime: Runtime, customerId: string) {
  const rows = await runtime.store.query<TimelineRow>(
    `SELECT * FROM (
       SELECT started_at AS happened_at, 'subscription_started' AS kind, id, coalesce(plan, 'plan') || ' at ' || CAST(mrr AS TEXT) || ' ' || coalesce(currency, '') || ' MRR' AS summary
       FROM subscriptions WHERE customer_id = $1
       UNION ALL
       SELECT ended_at, 'subscription_ended', id, 'ended' || coalesce(' (' || end_reason || ')', '') || coalesce(': ' || cancel_reason, '')
       FROM subscriptions WHERE customer_id = $1 AND ended_at IS NOT NULL
       UNION ALL
       SELECT c.effective_at, 'subscription_changed', c.id, 'MRR now ' || CAST(c.mrr AS TEXT) || coalesce(', ' || CAST(c.seats AS TEXT) || ' seats', '')
       FROM subscription_changes c JOIN subscriptions s ON s.id = c.subscription_id WHERE s.customer_id = $1
       UNION ALL
       SELECT issued_at, 'invoice', id, status || ' ' || CAST(amount AS TEXT) || ' ' || coalesce(currency, '') || coalesce(' (' || failure_code || ')', '')
       FROM invoices WHERE customer_id = $1
       UNION ALL
       SELECT opened_at, 'ticket', id, coalesce(kind, 'ticket') || coalesce(', ' || priority, '')
       FROM tickets WHERE customer_id = $1
       UNION ALL
       SELECT responded_at, 'nps', id, 'NPS ' || CAST(score AS TEXT) || coalesce(': ' || comment, '')
       FROM nps_responses WHERE customer_id = $1
       UNION ALL
       SELECT occurred_at, 'conversation', id, substr(transcript, 1, 160)
       FROM conversations WHERE customer_id = $1
     ) events ORDER BY happened_at DESC, kind, id LIMIT ${TIMELINE_LIMIT}`,
    [customerId],
  );
  const hits = await runtime.store.query<{
    conversation_id: string;
    tracker: string;
    phrase: string;
    snippet: string;
  }>(
    `SELECT conversation_id, tracker, phrase, snippet FROM tracker_hits
     WHERE customer_id = $1 ORDER BY conversation_id, position`,
    [customerId],
  );
  const hitsByConversation = new Map<string, typeof hits>();
  for (const hit of hits)
    hitsByConversation.set(hit.conversation_id, [
      ...(hitsByConversation.get(hit.conversation_id) ?? []),
      hit,
    ]);
  return rows.map((row) => ({
    at: row.happened_at,
    kind: row.kind as z.infer<typeof customerDetailSchema>['timeline'][number]['kind'],
    id: row.id,
    summary: row.summary,
    trackers:
      row.kind === 'conversation'
        ? (hitsByConversation.get(row.id) ?? []).map(({ tracker, phrase, snippet }) => ({
            tracker,
            phrase,
            snippet,
          }))
        : [],
  }));
}
