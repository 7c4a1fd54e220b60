/**
 * Who is calling: a session cookie (browsers) or `Authorization: Bearer`
 * (scripts). Writes made with the cookie must echo the session's CSRF token
 * in `X-CSRF-Token`, so another site cannot make a signed-in browser write.
 */
// The cookie plugin's types add request.cookies.
import type {} from '@fastify/cookie';
import type { FastifyRequest } from 'fastify';
import { RetainError } from '../../domain/errors.js';
import type { Store } from '../../store/store.js';
import type { PrincipalCache } from './principal-cache.js';
import { findSessionPrincipal, findTokenPrincipal, type Principal, type Role } from './users.js';

export const SESSION_COOKIE = 'retain_session';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export async function authenticate(
  store: Store,
  request: FastifyRequest,
  now: Date,
  principals: PrincipalCache,
): Promise<void> {
  const header = request.headers.authorization;
  if (header?.startsWith('Bearer ')) {
    const token = header.slice('Bearer '.length).trim();
    const principal = await principals.remember(`token:${token}`, now.getTime(), () =>
      findTokenPrincipal(store, token),
    );
    if (!principal)
      throw new RetainError('UNAUTHENTICATED', 'The API token is not valid.', {
        hint: 'Create one with retain users token --email <you>.',
      });
    request.principal = principal;
    request.isCookieSession = false;
    return;
  }
  const cookie = request.cookies[SESSION_COOKIE];
  const session = cookie
    ? await principals.remember(`session:${cookie}`, now.getTime(), () =>
        findSessionPrincipal(store, cookie, now),
      )
    : undefined;
  if (!session)
    throw new RetainError(
      'UNAUTHENTICATED',
      'You are not signed in, or your session has expired.',
      { hint: 'Sign in at /login, or send Authorization: Bearer <token>.' },
    );
  if (!SAFE_METHODS.has(request.method) && request.headers['x-csrf-token'] !== session.csrfToken) {
    throw new RetainError(
      'FORBIDDEN',
      'This change needs the X-CSRF-Token header of your session.',
      {
        hint: 'Send the csrfToken from the login response (or GET /api/auth/me) as X-CSRF-Token.',
      },
    );
  }
  request.principal = session.principal;
  request.isCookieSession = true;
}

export function requirePrincipal(request: FastifyRequest): Principal {
  if (!request.principal)
    throw new RetainError('UNAUTHENTICATED', 'Sign in first.', { hint: 'POST /api/auth/login.' });
  return request.principal;
}

/** Refuses roles not in `roles`, naming who may. */
export function requireRole(request: FastifyRequest, roles: readonly Role[]): Principal {
  const principal = requirePrincipal(request);
  if (!roles.includes(principal.role)) {
    throw new RetainError(
      'FORBIDDEN',
      `This needs the role ${roles.join(' or ')}; you are ${principal.role}.`,
      {
        hint: 'Ask an admin.',
      },
    );
  }
  return principal;
}
