/** The frame of every signed-in page: brand, navigation (keeping the shared filters), who is signed in. */
import { Suspense, useState } from 'react';
import { NavLink, Outlet, useSearchParams } from 'react-router';
import { Loading, ProblemNotice } from '../components/LoadState.js';
import type { ApiProblem } from '../lib/api.js';
import { toFilterSearch } from '../lib/filters.js';
import { toProblem } from '../lib/useApi.js';
import { useSession, useSignedInSession } from './useSession.js';

const PAGES = [
  { path: '/', label: 'Overview', isAdminOnly: false },
  { path: '/retention', label: 'Retention', isAdminOnly: false },
  { path: '/revenue', label: 'Revenue', isAdminOnly: false },
  { path: '/sales', label: 'Sales', isAdminOnly: false },
  { path: '/goals', label: 'Goals', isAdminOnly: false },
  { path: '/customers', label: 'Customers', isAdminOnly: false },
  { path: '/conversations', label: 'Conversations', isAdminOnly: false },
  { path: '/alerts', label: 'Alerts', isAdminOnly: false },
  { path: '/settings', label: 'Settings', isAdminOnly: true },
] as const;

export function Layout() {
  const { user } = useSignedInSession();
  const { signOut } = useSession();
  const [params] = useSearchParams();
  const [signOutProblem, setSignOutProblem] = useState<ApiProblem>();
  const search = toFilterSearch(params);

  return (
    <div className="app">
      <header className="top-bar">
        <span className="brand">Retain</span>
        <nav aria-label="Pages" className="nav">
          {PAGES.filter((page) => !page.isAdminOnly || user.role === 'admin').map((page) => (
            <NavLink key={page.path} to={{ pathname: page.path, search }} end={page.path === '/'}>
              {page.label}
            </NavLink>
          ))}
        </nav>
        <div className="who">
          <span>
            {user.email} <span className="role">{user.role}</span>
          </span>
          <button
            type="button"
            className="link-button"
            onClick={() => {
              signOut().catch((error: unknown) => setSignOutProblem(toProblem(error)));
            }}
          >
            Sign out
          </button>
        </div>
      </header>
      <main className="page">
        {signOutProblem === undefined ? null : <ProblemNotice problem={signOutProblem} />}
        {/* Pages load their code on first visit; the frame stays while they do. */}
        <Suspense fallback={<Loading label="the page" />}>
          <Outlet />
        </Suspense>
      </main>
    </div>
  );
}
