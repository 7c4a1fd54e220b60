/**
 * A customer's health from its stored snapshots: the latest score and
 * whether it is at risk, the reasons with their points, what changed since
 * a week before, and the score over time against the workspace's threshold.
 */
import { useMemo } from 'react';
import { EmptyState } from '../../components/LoadState.js';
import { Panel } from '../../components/Panel.js';
import { StatusBadge } from '../../components/StatusBadge.js';
import { TrendChart } from '../../components/TrendChart.js';
import type { HealthRules, HealthSnapshot } from '../../lib/api-types.js';
import { formatCount, formatDate, formatPercent } from '../../lib/format.js';
import { useApi } from '../../lib/useApi.js';
import { computeHealthChanges } from './health-changes.js';
import { ReasonList } from './ReasonList.js';

const HEALTH_RANGE = { min: 0, max: 100 };

export type HealthPanelProps = { snapshots: readonly HealthSnapshot[] };

export function HealthPanel({ snapshots }: HealthPanelProps) {
  const [latest] = snapshots;
  return (
    <Panel title="Health" wide>
      {latest === undefined ? (
        <EmptyState message="No health snapshot of this customer yet: run retain risk --store to score every customer." />
      ) : (
        <HealthView latest={latest} snapshots={snapshots} />
      )}
    </Panel>
  );
}

type HealthViewProps = { latest: HealthSnapshot; snapshots: readonly HealthSnapshot[] };

function HealthView({ latest, snapshots }: HealthViewProps) {
  const changes = useMemo(() => computeHealthChanges(snapshots), [snapshots]);
  return (
    <div className="health">
      <div>
        <p className="health-headline">
          <strong>{formatCount(latest.health)}</strong> / 100{' '}
          {latest.at_risk ? (
            <StatusBadge label="At risk" tone="bad" />
          ) : (
            <StatusBadge label="Healthy" tone="good" />
          )}
        </p>
        <p className="panel-description">
          As of {formatDate(latest.as_of)}
          {latest.risk_probability === null
            ? ''
            : `; ${formatPercent(latest.risk_probability)} chance of churning within 90 days`}
          .
        </p>
        {latest.reasons.length === 0 ? (
          <p className="panel-description">No rule took points off.</p>
        ) : (
          <ReasonList reasons={latest.reasons} label="Health reasons" hasBars />
        )}
        {changes === undefined ? (
          <p className="panel-description">No snapshot a week before this one to compare with.</p>
        ) : (
          <div className="health-changes">
            <h3>
              Since {formatDate(changes.before.as_of)} (health {formatCount(changes.before.health)})
            </h3>
            {changes.added.length === 0 && changes.gone.length === 0 ? (
              <p className="panel-description">The same reasons.</p>
            ) : null}
            {changes.added.length === 0 ? null : (
              <>
                <p className="reasons-label">Added</p>
                <ReasonList reasons={changes.added} label="Reasons added" />
              </>
            )}
            {changes.gone.length === 0 ? null : (
              <>
                <p className="reasons-label">Gone</p>
                <ReasonList reasons={changes.gone} label="Reasons gone" />
              </>
            )}
          </div>
        )}
      </div>
      <HealthChart snapshots={snapshots} />
    </div>
  );
}

type HealthChartProps = { snapshots: readonly HealthSnapshot[] };

function HealthChart({ snapshots }: HealthChartProps) {
  // The threshold is a nicety on the chart: without it the scores still read.
  const rules = useApi<HealthRules>('/api/settings/health-rules');
  const threshold = rules.status === 'ok' ? rules.data.threshold : undefined;
  const referenceLine = useMemo(
    () =>
      threshold === undefined
        ? undefined
        : { value: threshold, label: `At risk below ${formatCount(threshold)}` },
    [threshold],
  );
  const oldestFirst = useMemo(() => [...snapshots].reverse(), [snapshots]);
  const categories = useMemo(
    () => oldestFirst.map((snapshot) => formatDate(snapshot.as_of)),
    [oldestFirst],
  );
  const series = useMemo(
    () => [{ name: 'Health', values: oldestFirst.map((snapshot) => snapshot.health) }],
    [oldestFirst],
  );
  return (
    <TrendChart
      label="Health over the stored snapshots"
      categories={categories}
      series={series}
      formatValue={formatCount}
      formatAxis={formatCount}
      valueRange={HEALTH_RANGE}
      {...(referenceLine === undefined ? {} : { referenceLine })}
    />
  );
}
