/**
 * Builds one digest: the five sections for a person (a rep's customers and
 * deals, a manager's team's) or for the whole company, as of the morning of
 * `date` (everything before midnight UTC that starts it). Sections share one
 * metric cache, so the KPI blocks are built once per digest.
 */
import { findPersonOrThrow, isTeamManager } from '../alerts/person-scope.js';
import { createMetricCache, type MetricCache } from '../metrics/metric-cache.js';
import { readWorkspaceSettings } from '../metrics/workspace-settings.js';
import type { Store } from '../store/store.js';
import type { Digest, DigestAudience, DigestPerson } from './digest.js';
import { readAtRiskSection } from './sections/at-risk-section.js';
import { readNewCustomersSection } from './sections/new-customers-section.js';
import { buildHotProspects, buildLostProspects } from './sections/prospect-sections.js';
import { readDigestDeals } from './sections/read-digest-deals.js';
import { readTrendsSection } from './sections/trends-section.js';
import { readVisibleReps } from './visible-reps.js';

export type DigestRequest = {
  /** The digest's day, `YYYY-MM-DD`. */
  readonly date: string;
  /** A rep id: their digest (a manager's covers the team); absent: the company's. */
  readonly repId?: string | undefined;
  readonly cache?: MetricCache | undefined;
};

export async function assembleDigest(store: Store, request: DigestRequest): Promise<Digest> {
  const person = request.repId ? await findPersonOrThrow(store, request.repId) : undefined;
  const cache = request.cache ?? createMetricCache();
  const { date } = request;
  const settings = await readWorkspaceSettings(store);
  const atRisk = await readAtRiskSection(store, date, person);
  const visibleReps = await readVisibleReps(store, person);
  const deals = (await readDigestDeals(store, date, cache)).filter(
    (deal) => !visibleReps || visibleReps.has(deal.owner_rep_id),
  );
  return {
    date,
    audience: toAudience(person),
    reporting_currency: settings.reportingCurrency,
    health_snapshot: atRisk.snapshot,
    notes: atRisk.note ? [atRisk.note] : [],
    at_risk: atRisk.entries,
    new_customers: await readNewCustomersSection(store, date, person, cache),
    lost_prospects: buildLostProspects(deals),
    hot_prospects: buildHotProspects(deals, date),
    trends: await readTrendsSection(store, date, person, cache),
  };
}

function toAudience(person: DigestPerson): DigestAudience {
  if (!person) return { kind: 'company' };
  return {
    kind: isTeamManager(person) ? 'team' : 'rep',
    rep_id: person.id,
    name: person.name,
    email: person.email,
    team: person.team,
  };
}
