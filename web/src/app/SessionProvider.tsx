/**
 * Asks the server who is signed in when the dashboard opens (the cookie is
 * HttpOnly, so only the server knows), and keeps the session's CSRF token in
 * memory for writes; a reload asks again and gets the token again.
 */
import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { getJson, sendJson } from '../lib/api.js';
import type { Session } from '../lib/api-types.js';
import { toProblem } from '../lib/useApi.js';
import { SessionContext, type SessionState } from './useSession.js';

export type SessionProviderProps = { children: ReactNode };

export function SessionProvider({ children }: SessionProviderProps) {
  const [state, setState] = useState<SessionState>({ status: 'checking' });

  useEffect(() => {
    const controller = new AbortController();
    getJson<Session>('/api/auth/me', controller.signal).then(
      (session) => setState({ status: 'signed-in', session }),
      (error: unknown) => {
        if (controller.signal.aborted) return;
        const problem = toProblem(error);
        setState(
          problem.status === 401 ? { status: 'signed-out' } : { status: 'unreachable', problem },
        );
      },
    );
    return () => controller.abort();
  }, []);

  const signIn = useCallback((session: Session) => setState({ status: 'signed-in', session }), []);
  const signOut = useCallback(async () => {
    if (state.status === 'signed-in')
      await sendJson('POST', '/api/auth/logout', { csrfToken: state.session.csrfToken });
    setState({ status: 'signed-out' });
  }, [state]);
  const value = useMemo(() => ({ state, signIn, signOut }), [state, signIn, signOut]);

  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}
