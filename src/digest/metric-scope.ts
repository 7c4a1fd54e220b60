/** The `--where` filters that cut KPIs to a digest's person, as the goal pages cut them. */
import { isTeamManager } from '../alerts/person-scope.js';
import type { DigestPerson } from './digest.js';

export function toMetricFilters(person: DigestPerson): string[] {
  if (!person) return [];
  if (isTeamManager(person)) return [`team=${person.team ?? ''}`];
  return [`owner_rep_id=${person.id}`];
}
