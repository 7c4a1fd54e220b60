/**
 * The watch settings an admin edits from the dashboard, with the same
 * validation as the CLI: the health rules (`retain risk rules`), the keyword
 * trackers (`retain trackers set`) and the alert delivery channels
 * (`retain alerts channels`). Everyone signed in may read the rules and
 * trackers (they explain scores and hits); channels hold secrets, so only an
 * admin sees them, with targets masked.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { addChannel, maskTarget, readChannels, removeChannel } from '../../alerts/channels.js';
import {
  healthRulesSchema,
  readHealthRules,
  writeHealthRules,
} from '../../models/risk/health-rules.js';
import {
  readTrackers,
  trackersSchema,
  writeTrackers,
} from '../../models/trackers/tracker-definitions.js';
import type { Runtime } from '../../runtime.js';
import { requirePrincipal, requireRole } from '../auth/authenticate.js';
import { problemSchema } from '../contract/common.js';
import { addedChannelSchema, channelSchema, newChannelSchema } from '../contract/settings.js';

export function registerWatchSettingRoutes(app: FastifyInstance, runtime: Runtime): void {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  const { store } = runtime;

  typed.get(
    '/api/settings/health-rules',
    {
      schema: {
        tags: ['settings'],
        summary: 'The health score’s rules and threshold',
        response: { 200: healthRulesSchema },
      },
    },
    async (request) => {
      requirePrincipal(request);
      return readHealthRules(store);
    },
  );
  typed.put(
    '/api/settings/health-rules',
    {
      schema: {
        tags: ['settings'],
        summary:
          'Replace the health rules (admin); scores change from the next `retain risk --store`',
        body: healthRulesSchema,
        response: { 200: healthRulesSchema },
      },
    },
    async (request) => {
      requireRole(request, ['admin']);
      await writeHealthRules(store, request.body);
      return readHealthRules(store);
    },
  );

  typed.get(
    '/api/settings/trackers',
    {
      schema: {
        tags: ['settings'],
        summary: 'The keyword trackers',
        response: { 200: trackersSchema },
      },
    },
    async (request) => {
      requirePrincipal(request);
      return readTrackers(store);
    },
  );
  typed.put(
    '/api/settings/trackers',
    {
      schema: {
        tags: ['settings'],
        summary:
          'Replace the keyword trackers (admin); hits change from the next `retain trackers scan`',
        body: trackersSchema,
        response: { 200: trackersSchema },
      },
    },
    async (request) => {
      requireRole(request, ['admin']);
      await writeTrackers(store, request.body);
      return readTrackers(store);
    },
  );

  typed.get(
    '/api/settings/channels',
    {
      schema: {
        tags: ['settings'],
        summary: 'Alert delivery channels (admin)',
        response: { 200: z.array(channelSchema) },
      },
    },
    async (request) => {
      requireRole(request, ['admin']);
      return (await readChannels(store)).map((channel) => ({
        id: channel.id,
        kind: channel.kind,
        target: maskTarget(channel.target),
        is_signed: channel.secret !== null,
        enabled: channel.enabled,
        created_at: channel.created_at,
      }));
    },
  );
  typed.post(
    '/api/settings/channels',
    {
      schema: {
        tags: ['settings'],
        summary:
          'Add a delivery channel (admin); a webhook without a secret gets one, returned once',
        body: newChannelSchema,
        response: { 201: addedChannelSchema, 400: problemSchema },
      },
    },
    async (request, reply) => {
      requireRole(request, ['admin']);
      const channel = await addChannel(store, request.body, runtime.now());
      return reply.code(201).send({
        id: channel.id,
        kind: channel.kind,
        target: maskTarget(channel.target),
        is_signed: channel.secret !== null,
        enabled: channel.enabled,
        created_at: channel.created_at,
        secret: channel.secret,
      });
    },
  );
  typed.delete(
    '/api/settings/channels/:id',
    {
      schema: {
        tags: ['settings'],
        summary: 'Remove a delivery channel (admin)',
        params: z.object({ id: z.string() }),
        response: { 204: z.null(), 404: problemSchema },
      },
    },
    async (request, reply) => {
      requireRole(request, ['admin']);
      // Pending deliveries to it are kept as failed, never dropped.
      await removeChannel(store, request.params.id);
      return reply.code(204).send(null);
    },
  );
}
