/** Who is signed in, with the CSRF token every write must echo, and how to sign in and out. */
import { createContext, useContext } from 'react';
import type { ApiProblem } from '../lib/api.js';
import type { Session } from '../lib/api-types.js';

export type SessionState =
  | { status: 'checking' }
  | { status: 'signed-out' }
  | { status: 'unreachable'; problem: ApiProblem }
  | { status: 'signed-in'; session: Session };

export type SessionContextValue = {
  state: SessionState;
  signIn: (session: Session) => void;
  /** Ends the session on the server; rejects with an ApiProblem when it cannot. */
  signOut: () => Promise<void>;
};

export const SessionContext = createContext<SessionContextValue | undefined>(undefined);

export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (value === undefined) throw new Error('useSession is used outside SessionProvider');
  return value;
}

/** The signed-in session; for pages under RequireSession, which renders them only then. */
export function useSignedInSession(): Session {
  const { state } = useSession();
  if (state.status !== 'signed-in')
    throw new Error('useSignedInSession is used outside RequireSession');
  return state.session;
}
