/**
 * Customers at risk in the latest health snapshot on or before the digest
 * date, newly at risk first (their at-risk stretch began in that snapshot),
 * then least healthy first, each with the reasons that drove the score.
 */
import { findLatestSnapshot, readAtRiskCustomers } from '../../alerts/at-risk-customers.js';
import { buildPersonFilter } from '../../alerts/person-scope.js';
import { describeUnfilledTable, hasBeenFilled } from '../../alerts/source-tables.js';
import type { Store } from '../../store/store.js';
import type { AtRiskEntry, DigestPerson } from '../digest.js';

export const REASONS_SHOWN = 3;

export type AtRiskSection = { snapshot: string | null; entries: AtRiskEntry[]; note?: string };

export async function readAtRiskSection(
  store: Store,
  date: string,
  person: DigestPerson,
): Promise<AtRiskSection> {
  if (!(await hasBeenFilled(store, 'health_scores'))) {
    return { snapshot: null, entries: [], note: describeUnfilledTable('health_scores') };
  }
  const snapshot = await findLatestSnapshot(store, date);
  if (snapshot === null) {
    return {
      snapshot,
      entries: [],
      note: `health_scores has no snapshot on or before ${date}: run \`retain risk --store\`.`,
    };
  }
  const customers = await readAtRiskCustomers(
    store,
    snapshot,
    buildPersonFilter(person, 'c.owner_rep_id', 2),
  );
  const entries = customers.map((customer): AtRiskEntry => ({
    customer_id: customer.customer_id,
    name: customer.name,
    owner_rep_id: customer.owner_rep_id,
    owner_name: customer.owner_name,
    health: customer.health,
    risk_probability: customer.risk_probability,
    is_new: customer.since === snapshot,
    at_risk_since: customer.since,
    reasons: customer.reasons.slice(0, REASONS_SHOWN),
  }));
  // Stable: within each group the store's order (least healthy first) stays.
  entries.sort((a, b) => Number(b.is_new) - Number(a.is_new));
  return { snapshot, entries };
}
