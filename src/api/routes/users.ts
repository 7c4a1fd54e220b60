/** Admin-only user management: the same functions as `retain users`. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Runtime } from '../../runtime.js';
import type { PrincipalCache } from '../auth/principal-cache.js';
import { requireRole } from '../auth/authenticate.js';
import { createUser, listUsers, removeUser, ROLES } from '../auth/users.js';

const userRowSchema = z.object({
  id: z.string(),
  email: z.string(),
  role: z.enum(ROLES),
  rep_id: z.string().nullable(),
  created_at: z.string(),
});

export function registerUserRoutes(
  app: FastifyInstance,
  runtime: Runtime,
  principals: PrincipalCache,
): void {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  typed.get(
    '/api/users',
    {
      schema: {
        tags: ['users'],
        summary: 'Every user (admin)',
        response: { 200: z.array(userRowSchema) },
      },
    },
    async (request) => {
      requireRole(request, ['admin']);
      return listUsers(runtime.store);
    },
  );
  typed.post(
    '/api/users',
    {
      schema: {
        tags: ['users'],
        summary: 'Add a user (admin)',
        body: z.object({
          email: z.string(),
          role: z.enum(ROLES),
          rep_id: z.string().optional(),
          password: z.string().min(10),
        }),
        response: { 201: userRowSchema },
      },
    },
    async (request, reply) => {
      requireRole(request, ['admin']);
      const user = await createUser(
        runtime.store,
        {
          email: request.body.email,
          role: request.body.role,
          repId: request.body.rep_id,
          password: request.body.password,
        },
        runtime.now(),
      );
      return reply.code(201).send(user);
    },
  );
  typed.delete(
    '/api/users/:email',
    {
      schema: {
        tags: ['users'],
        summary: 'Remove a user (admin)',
        params: z.object({ email: z.string() }),
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      requireRole(request, ['admin']);
      await removeUser(runtime.store, request.params.email);
      principals.clear();
      return reply.code(204).send(null);
    },
  );
}
