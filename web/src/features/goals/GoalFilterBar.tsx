/**
 * The goals page's filters, kept in the URL: the day to report as of for
 * everyone, and for admins a team or a rep (the API fixes a manager to their
 * team and a rep to themselves). Typed fields apply on Show, not per keystroke,
 * since every answer recomputes each goal's KPIs.
 */
import { useSearchParams } from 'react-router';
import { useSignedInSession } from '../../app/useSession.js';
import { useSearchFormSubmit, useSearchPatch } from '../../lib/useSearchPatch.js';

const FIELDS = ['team', 'rep'];

export function GoalFilterBar() {
  const { user } = useSignedInSession();
  const [params] = useSearchParams();
  const patchSearch = useSearchPatch();
  const submit = useSearchFormSubmit(FIELDS);
  const asOf = params.get('as_of') ?? '';
  const team = params.get('team') ?? '';
  const rep = params.get('rep') ?? '';

  return (
    // Keyed by the URL's values, so going back in history refills the typed fields.
    <form
      key={`${team}\u0000${rep}`}
      className="filter-bar"
      aria-label="Goal filters"
      onSubmit={submit}
    >
      <label>
        As of
        <input
          type="date"
          value={asOf}
          onChange={(event) => patchSearch({ as_of: event.target.value })}
        />
      </label>
      {user.role === 'admin' ? (
        <>
          <label>
            Team
            <input name="team" defaultValue={team} placeholder="Any team" autoComplete="off" />
          </label>
          <label>
            Rep id
            <input name="rep" defaultValue={rep} placeholder="Any rep" autoComplete="off" />
          </label>
          <button type="submit">Show</button>
        </>
      ) : null}
      {asOf === '' ? <span className="filter-note">As of today</span> : null}
    </form>
  );
}
