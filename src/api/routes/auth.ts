/** POST /api/auth/login, POST /api/auth/logout, GET /api/auth/me. Login is rate-limited per address. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { RetainError } from '../../domain/errors.js';
import type { Runtime } from '../../runtime.js';
import type { PrincipalCache } from '../auth/principal-cache.js';
import { requirePrincipal, SESSION_COOKIE } from '../auth/authenticate.js';
import {
  authenticatePassword,
  createSession,
  deleteSession,
  findSessionPrincipal,
} from '../auth/users.js';
import { problemSchema } from '../contract/common.js';
import { loginBodySchema, sessionSchema } from '../contract/auth.js';

const LOGIN_ATTEMPTS_PER_MINUTE = 10;

export function registerAuthRoutes(
  app: FastifyInstance,
  runtime: Runtime,
  principals: PrincipalCache,
): void {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  typed.post(
    '/api/auth/login',
    {
      config: {
        isPublic: true,
        // Per address and account: guessing one person's password is slowed, an office sharing an address is not.
        rateLimit: {
          max: LOGIN_ATTEMPTS_PER_MINUTE,
          timeWindow: '1 minute',
          hook: 'preHandler',
          keyGenerator: (request) => {
            const email = (request.body as { email?: unknown } | undefined)?.email;
            return `${request.ip}:${typeof email === 'string' ? email.toLowerCase() : ''}`;
          },
        },
      },
      schema: {
        tags: ['auth'],
        summary: 'Sign in with e-mail and password; sets an HttpOnly session cookie',
        body: loginBodySchema,
        response: { 200: sessionSchema, 401: problemSchema },
      },
    },
    async (request, reply) => {
      const user = await authenticatePassword(
        runtime.store,
        request.body.email,
        request.body.password,
      );
      if (!user)
        throw new RetainError('UNAUTHENTICATED', 'That e-mail and password do not match.', {
          hint: 'Check both, or ask an admin to reset your password.',
        });
      const session = await createSession(runtime.store, user.id, runtime.now());
      reply.setCookie(SESSION_COOKIE, session.token, {
        httpOnly: true,
        sameSite: 'strict',
        path: '/',
        secure: request.protocol === 'https',
      });
      const signedIn = await findSessionPrincipal(runtime.store, session.token, runtime.now());
      if (!signedIn) throw new Error('a session just created is missing');
      return { user: signedIn.principal, csrfToken: session.csrfToken };
    },
  );

  typed.post(
    '/api/auth/logout',
    {
      schema: {
        tags: ['auth'],
        summary: 'Sign out: ends the session',
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      const cookie = request.cookies[SESSION_COOKIE];
      if (cookie) await deleteSession(runtime.store, cookie);
      principals.clear();
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.code(204).send(null);
    },
  );

  typed.get(
    '/api/auth/me',
    {
      schema: {
        tags: ['auth'],
        summary: 'Who is signed in, and the CSRF token for writes',
        response: { 200: sessionSchema },
      },
    },
    async (request) => {
      const principal = requirePrincipal(request);
      const cookie = request.cookies[SESSION_COOKIE];
      const session = cookie
        ? await findSessionPrincipal(runtime.store, cookie, runtime.now())
        : undefined;
      return { user: principal, csrfToken: session?.csrfToken ?? '' };
    },
  );
}
