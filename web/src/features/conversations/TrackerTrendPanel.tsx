/** Each tracker's weekly share of conversations with a hit, as lines and as a table of weeks. */
import { useMemo } from 'react';
import { AsyncView } from '../../components/AsyncView.js';
import { DataTable, type DataColumn } from '../../components/DataTable.js';
import { Panel } from '../../components/Panel.js';
import { TrendChart } from '../../components/TrendChart.js';
import type { TrackerWeek } from '../../lib/api-types.js';
import { formatAxisValue, formatCount, formatDate, formatPercent } from '../../lib/format.js';
import { mapApiState, useApi } from '../../lib/useApi.js';
import {
  buildTrackerTrends,
  type TrackerTrends,
  type TrackerWeekRow,
} from './build-tracker-trends.js';

const PERCENT = { unit: 'ratio' } as const;
const formatShareAxis = (value: number) => formatAxisValue(value, PERCENT);

export type TrackerTrendPanelProps = { path: string };

export function TrackerTrendPanel({ path }: TrackerTrendPanelProps) {
  const loaded = useApi<{ weeks: TrackerWeek[] }>(path);
  const state = useMemo(
    () => mapApiState(loaded, ({ weeks }) => buildTrackerTrends(weeks)),
    [loaded],
  );
  return (
    <Panel
      title="Tracker trends"
      wide
      description="Per ISO week (from Monday), the share of conversations in which a tracker heard one of its phrases; the share, not the count, so a busier week does not read as more risk."
    >
      <AsyncView
        state={state}
        label="the tracker trends"
        isEmpty={(trends) => trends.weeks.length === 0 || trends.trackers.length === 0}
        emptyMessage="No conversations with tracker hits in this range: run retain trackers scan, or widen the range."
      >
        {(trends) => <TrackerTrendView trends={trends} />}
      </AsyncView>
    </Panel>
  );
}

type TrackerTrendViewProps = { trends: TrackerTrends };

function TrackerTrendView({ trends }: TrackerTrendViewProps) {
  const categories = useMemo(
    () => trends.weeks.map((week) => formatDate(week.week_start)),
    [trends],
  );
  const series = useMemo(
    () =>
      trends.trackers.map((tracker) => ({
        name: tracker,
        values: trends.weeks.map((week) => week.byTracker.get(tracker)?.share ?? null),
      })),
    [trends],
  );
  const columns = useMemo<DataColumn<TrackerWeekRow>[]>(
    () => [
      { header: 'Week of', cell: (week) => formatDate(week.week_start) },
      { header: 'Conversations', cell: (week) => formatCount(week.conversations), isNumeric: true },
      ...trends.trackers.map((tracker): DataColumn<TrackerWeekRow> => ({
        header: tracker,
        isNumeric: true,
        cell: (week) => {
          const entry = week.byTracker.get(tracker);
          return entry === undefined ? (
            '—'
          ) : (
            <>
              {formatPercent(entry.share)}
              <span className="cell-note">{formatCount(entry.hits)} hits</span>
            </>
          );
        },
      })),
    ],
    [trends],
  );
  return (
    <>
      <TrendChart
        label="Weekly share of conversations with a hit, per tracker"
        categories={categories}
        series={series}
        formatValue={formatPercent}
        formatAxis={formatShareAxis}
      />
      <DataTable
        caption="Tracker weeks"
        columns={columns}
        // Newest week first, as the other tables read.
        rows={[...trends.weeks].reverse()}
        rowKey={(week) => week.week_start}
        isStackedOnPhone
      />
    </>
  );
}
