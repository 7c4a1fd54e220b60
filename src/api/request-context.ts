/** What the auth hook attaches to each request (typed Fastify decorations, never globals). */
import type { Principal } from './auth/users.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in user; set by the auth hook on every /api route that needs one. */
    principal: Principal | undefined;
    /** True when the principal came from the session cookie (writes then need the CSRF header). */
    isCookieSession: boolean;
  }
}

export {};
