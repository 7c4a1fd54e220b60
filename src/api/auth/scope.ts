/**
 * What each role may see (issue #7): an admin everything; a manager the
 * customers, deals and alerts of their team (their rep's team); a rep their
 * own. KPIs are cut the same way, so a rep's dashboard shows their book.
 */
import type { SqlValue } from '../../store/store.js';
import type { Principal } from './users.js';

/** `--where` filters forced onto every KPI request of this principal. */
export function toMetricFilters(principal: Principal): string[] {
  if (principal.role === 'admin') return [];
  if (principal.role === 'manager' && principal.team) return [`team=${principal.team}`];
  return [`owner_rep_id=${principal.rep_id ?? ''}`];
}

/**
 * SQL (with `$n` parameters numbered from `first`) that holds for rows whose
 * owning rep, given as `repColumn`, this principal may see.
 */
export function buildOwnerFilter(
  principal: Principal,
  repColumn: string,
  first: number,
): { sql: string; params: SqlValue[] } {
  if (principal.role === 'admin') return { sql: 'TRUE', params: [] };
  if (principal.role === 'manager' && principal.team) {
    return {
      sql: `${repColumn} IN (SELECT id FROM reps WHERE team = $${first})`,
      params: [principal.team],
    };
  }
  return { sql: `${repColumn} = $${first}`, params: [principal.rep_id ?? ''] };
}
