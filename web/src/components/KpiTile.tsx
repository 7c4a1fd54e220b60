/** One KPI: its value for the current period, a sparkline of the range, and the change vs the previous period. */
import { useId, useMemo } from 'react';
import { EChart, type ChartOption } from './EChart.js';

/** Whether the change is good news for this KPI (its direction), bad news, or neither. */
export type ChangeTone = 'good' | 'bad' | 'flat';

export type KpiTileProps = {
  title: string;
  description: string;
  periodLabel: string;
  value: string;
  change: string;
  tone: ChangeTone;
  /** The KPI's values over the range, oldest first; null where it has no value. */
  sparkline: readonly (number | null)[];
};

const TONE_WORDS: Record<ChangeTone, string> = {
  good: 'better than',
  bad: 'worse than',
  flat: 'same as',
};

export function KpiTile({
  title,
  description,
  periodLabel,
  value,
  change,
  tone,
  sparkline,
}: KpiTileProps) {
  const headingId = useId();
  const option = useMemo(() => buildSparklineOption(sparkline, tone), [sparkline, tone]);
  return (
    <article className="kpi-tile" aria-labelledby={headingId} title={description}>
      <h3 id={headingId}>{title}</h3>
      <p className="kpi-value">{value}</p>
      <p className={`kpi-change tone-${tone}`}>
        <span className="kpi-change-value">{change}</span>{' '}
        <span className="kpi-change-label">
          {TONE_WORDS[tone]} the previous period · {periodLabel}
        </span>
      </p>
      <EChart option={option} height={44} label={`${title} over the selected periods`} />
    </article>
  );
}

const TONE_COLORS: Record<ChangeTone, string> = {
  good: '#059669',
  bad: '#dc2626',
  flat: '#64748b',
};

function buildSparklineOption(values: readonly (number | null)[], tone: ChangeTone): ChartOption {
  return {
    grid: { left: 2, right: 2, top: 4, bottom: 4 },
    xAxis: { type: 'category', show: false, boundaryGap: false },
    yAxis: { type: 'value', show: false, scale: true },
    series: [
      {
        type: 'line',
        data: [...values],
        showSymbol: false,
        silent: true,
        lineStyle: { width: 2, color: TONE_COLORS[tone] },
        areaStyle: { color: TONE_COLORS[tone], opacity: 0.08 },
      },
    ],
  };
}
