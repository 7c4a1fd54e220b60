/** Renders the signed-in pages, or sends the visitor to the login page and back here afterwards. */
import { Navigate, Outlet, useLocation } from 'react-router';
import { Loading, ProblemNotice } from '../components/LoadState.js';
import { CatalogueProvider } from '../features/metrics/CatalogueProvider.js';
import { useSession } from './useSession.js';

export function RequireSession() {
  const { state } = useSession();
  const location = useLocation();
  switch (state.status) {
    case 'checking':
      return <Loading label="your session" />;
    case 'unreachable':
      return (
        <main className="page">
          <ProblemNotice problem={state.problem} />
        </main>
      );
    case 'signed-out': {
      const next = `${location.pathname}${location.search}`;
      return <Navigate to={`/login?next=${encodeURIComponent(next)}`} replace />;
    }
    case 'signed-in':
      return (
        <CatalogueProvider>
          <Outlet />
        </CatalogueProvider>
      );
  }
}
