/** An address the dashboard has no page for. */
import { Link, useLocation } from 'react-router';

export function NotFoundPage() {
  const location = useLocation();
  return (
    <div className="state state-error" role="alert">
      <strong>Not found</strong>
      <p>The dashboard has no page at {location.pathname}.</p>
      <Link to="/">Go to the overview</Link>
    </div>
  );
}
