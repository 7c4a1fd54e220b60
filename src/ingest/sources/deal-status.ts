/**
 * A CRM deal's status from what the export shows. The won/closed checkboxes
 * (Salesforce `Won`/`Closed`, HubSpot `Is Closed Won`/`Is Deal Closed?`)
 * decide when present, because stage labels are per-portal; otherwise the
 * default stage labels Closed Won and Closed Lost (both CRMs ship them) do.
 * Any other stage is still open, and its label is kept as the deal's stage.
 */
import { toMatchKey } from './export-values.js';

export type DealStatus = 'open' | 'won' | 'lost';

/** `isWon` and `isClosed` are the checkbox values, undefined when the export has no such column. */
export function toDealStatus(
  stage: string,
  flags: { isWon: boolean | undefined; isClosed: boolean | undefined },
): DealStatus {
  if (flags.isWon === true) return 'won';
  if (flags.isClosed !== undefined) return flags.isClosed ? 'lost' : 'open';
  const key = toMatchKey(stage);
  if (key === 'closedwon') return 'won';
  if (key === 'closedlost') return 'lost';
  return 'open';
}
