/**
 * The activity planner: a revenue goal and a period in, the funnel behind
 * them out. The plan's inputs live in the URL, so a plan can be shared and
 * survives a reload. Reps get no planner: the API plans for admins and
 * managers (a manager for their own team).
 */
import { useSearchParams } from 'react-router';
import { useSignedInSession } from '../../app/useSession.js';
import { EmptyState } from '../../components/LoadState.js';
import { Panel } from '../../components/Panel.js';
import { useSearchFormSubmit } from '../../lib/useSearchPatch.js';
import { PlanView } from './PlanView.js';

const TITLE = 'Activity planner';
const FIELDS = ['revenue', 'period'];

export function PlannerPanel() {
  const { user } = useSignedInSession();
  const [params] = useSearchParams();
  const submit = useSearchFormSubmit(FIELDS);
  const revenue = params.get('revenue') ?? '';
  const period = params.get('period') ?? '';

  if (user.role === 'rep') {
    return (
      <Panel title={TITLE} wide>
        <EmptyState message="Admins and managers plan the activity behind a revenue goal; ask yours for the plan." />
      </Panel>
    );
  }
  return (
    <Panel
      title={TITLE}
      wide
      description={`From a revenue goal back to the dials and meetings a rep makes each working day, through ${user.role === 'manager' ? 'your team' : 'the company'}'s own funnel over the six months before the plan.`}
    >
      <form
        key={`${revenue}\u0000${period}`}
        className="inline-form"
        aria-label="Plan"
        onSubmit={submit}
      >
        <label>
          Revenue goal
          <input name="revenue" type="number" min="1" step="any" required defaultValue={revenue} />
        </label>
        <label>
          Period (2025-Q3, 2025-07, 2025)
          <input
            name="period"
            required
            defaultValue={period}
            placeholder="2025-Q3"
            autoComplete="off"
          />
        </label>
        <button type="submit">Plan</button>
      </form>
      {revenue === '' || period === '' ? null : <PlanView revenue={revenue} period={period} />}
    </Panel>
  );
}
