/**
 * A customer crossing into at-risk: at risk in the latest health snapshot,
 * in an at-risk stretch that began after the baseline. The baseline is the
 * snapshot the previous alert run looked at, so snapshots written between
 * two runs are never skipped; on a first run, or when the previous run saw
 * the latest snapshot already, it is the snapshot before the latest (which
 * re-finds the same crossings, and the dedupe key stops them). A customer
 * who stays at risk raises nothing again until it recovers and crosses anew.
 */
import type { Store } from '../../store/store.js';
import type { AlertCandidate } from '../alert.js';
import {
  findLatestSnapshot,
  findSnapshotBefore,
  readAtRiskCustomers,
  type AtRiskCustomer,
} from '../at-risk-customers.js';
import { formatHealthReason } from '../health-reasons.js';
import { hasBeenFilled } from '../source-tables.js';
import { toIsoDate } from '../../store/sql-time.js';

export type AtRiskOutcome = {
  /** The snapshot compared (null when there is none or the table is missing). */
  readonly snapshot: string | null;
  readonly candidates: AlertCandidate[];
  readonly isUnfilled: boolean;
};

const REASONS_IN_TASK = 2;

export async function findAtRiskCrossings(
  store: Store,
  asOf: Date,
  lastSeenSnapshot: string | null,
): Promise<AtRiskOutcome> {
  if (!(await hasBeenFilled(store, 'health_scores'))) {
    return { snapshot: null, candidates: [], isUnfilled: true };
  }
  const snapshot = await findLatestSnapshot(store, toIsoDate(asOf));
  if (snapshot === null) return { snapshot, candidates: [], isUnfilled: false };
  const baseline =
    lastSeenSnapshot !== null && lastSeenSnapshot < snapshot
      ? lastSeenSnapshot
      : await findSnapshotBefore(store, snapshot);
  const atRisk = await readAtRiskCustomers(store, snapshot);
  return {
    snapshot,
    isUnfilled: false,
    candidates: atRisk
      .filter((customer) => baseline === null || customer.since > baseline)
      .map((customer) => toCandidate(customer, snapshot)),
  };
}

function toCandidate(customer: AtRiskCustomer, snapshot: string): AlertCandidate {
  const name = customer.name ?? customer.customer_id;
  const top = customer.reasons.slice(0, REASONS_IN_TASK).map(formatHealthReason);
  return {
    kind: 'at_risk',
    subject_kind: 'customer',
    subject_id: customer.customer_id,
    assignee_rep_id: customer.owner_rep_id,
    // One alert per at-risk stretch: the snapshot it began in names it.
    dedupe_key: `at_risk:${customer.customer_id}:${customer.since}`,
    title: `${name} is at risk (health ${customer.health.toFixed(0)})`,
    task: `Call ${name}${top.length > 0 ? ` about ${top.join(', ')}` : ''}.`,
    detail: {
      customer_id: customer.customer_id,
      customer_name: customer.name,
      health: customer.health,
      risk_probability: customer.risk_probability,
      reasons: customer.reasons,
      at_risk_since: customer.since,
      snapshot,
    },
  };
}
