/**
 * Each lead's first outbound contact ever (an outbound activity other than a
 * note; DESIGN.md, reading 11): history-wide, so built once whatever the
 * periods.
 */
import type { Store } from '../../store/store.js';
import type { MetricContext } from '../context.js';

export async function createFirstContactsBlock(
  store: Store,
  context: MetricContext,
): Promise<void> {
  await store.query(
    `CREATE TEMPORARY TABLE ${context.tables.firstContacts} AS
     SELECT a.lead_id, min(a.occurred_at) AS first_contact_at
     FROM activities a
     WHERE a.lead_id IS NOT NULL AND a.direction = 'outbound' AND a.kind <> 'note'
     GROUP BY a.lead_id`,
  );
}
