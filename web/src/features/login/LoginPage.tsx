/** Sign in with e-mail and password; the server sets the session cookie, we keep its CSRF token. */
import { useState, type FormEvent } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { useSession } from '../../app/useSession.js';
import { ProblemNotice } from '../../components/LoadState.js';
import { postLogin, type ApiProblem } from '../../lib/api.js';
import type { Session } from '../../lib/api-types.js';
import { readField } from '../../lib/read-field.js';
import { toProblem } from '../../lib/useApi.js';

/** Only paths of this dashboard: `next=//evil.example` must not send anyone off-site. */
function toSafeNext(next: string | null): string {
  return next !== null && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

export function LoginPage() {
  const { state, signIn } = useSession();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const [problem, setProblem] = useState<ApiProblem>();
  const [isSending, setIsSending] = useState(false);
  const next = toSafeNext(params.get('next'));

  if (state.status === 'signed-in') return <Navigate to={next} replace />;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setIsSending(true);
    postLogin<Session>(readField(form, 'email'), readField(form, 'password'))
      .then((session) => {
        signIn(session);
        void navigate(next, { replace: true });
      })
      .catch((error: unknown) => {
        setProblem(toProblem(error));
        setIsSending(false);
      });
  };

  return (
    <main className="login">
      <form className="login-card" onSubmit={submit}>
        <h1>Retain</h1>
        <p className="panel-description">Sign in to see your customers and KPIs.</p>
        <label>
          E-mail
          <input name="email" type="email" autoComplete="username" required />
        </label>
        <label>
          Password
          <input name="password" type="password" autoComplete="current-password" required />
        </label>
        {problem === undefined ? null : <ProblemNotice problem={problem} />}
        <button type="submit" disabled={isSending}>
          {isSending ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </main>
  );
}
