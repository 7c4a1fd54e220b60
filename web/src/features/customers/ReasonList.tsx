/**
 * The reasons behind a health score, most damaging first as the API orders
 * them, each with its points and a bar sized against the largest, so the
 * reason that costs most stands out without reading the numbers.
 */
import type { HealthSnapshot } from '../../lib/api-types.js';
import { formatPoints } from '../../lib/format.js';

export type ReasonListProps = {
  reasons: readonly HealthSnapshot['reasons'][number][];
  label: string;
  /** Draws each contribution as a bar; a table cell has no room for one. */
  hasBars?: boolean;
};

export function ReasonList({ reasons, label, hasBars = false }: ReasonListProps) {
  const largest = Math.max(1, ...reasons.map((reason) => Math.abs(reason.contribution)));
  return (
    <ul className={hasBars ? 'reasons reasons-bars' : 'reasons'} aria-label={label}>
      {reasons.map((reason) => (
        <li key={reason.reason}>
          <span className="reason-points">{formatPoints(reason.contribution)}</span>
          <span className="reason-text">{reason.reason}</span>
          {hasBars ? (
            <span
              className={reason.contribution < 0 ? 'reason-bar reason-bar-bad' : 'reason-bar'}
              style={{ width: `${(Math.abs(reason.contribution) / largest) * 100}%` }}
              aria-hidden="true"
            />
          ) : null}
        </li>
      ))}
    </ul>
  );
}
