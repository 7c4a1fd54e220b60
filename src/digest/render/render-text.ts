/** The digest as plain text: the e-mail's text part and what `--format text` prints. */
import { formatHealthReason } from '../../alerts/health-reasons.js';
import type { Digest } from '../digest.js';
import { formatAudience } from './audience-label.js';
import {
  formatChange,
  formatDay,
  formatLongDate,
  formatMoney,
  formatPercent,
  formatValue,
  ROWS_SHOWN,
} from './format.js';

/** The first rows of a list, and a line saying how many were left out. */
function firstRows<T>(rows: readonly T[], render: (row: T) => string): string[] {
  const more = rows.length - ROWS_SHOWN;
  return [
    ...rows.slice(0, ROWS_SHOWN).map(render),
    ...(more > 0 ? [`… and ${more} more (retain digest --format json lists them all).`] : []),
  ];
}

export function renderDigestText(digest: Digest): string {
  const money = (amount: number | null) => formatMoney(amount, digest.reporting_currency);
  const lines: string[] = [
    `Retain daily digest for ${formatAudience(digest.audience)} — ${formatLongDate(digest.date)}`,
    '',
    ...digest.notes.map((note) => `Note: ${note}`),
  ];
  const section = (title: string, body: string[], empty: string) => {
    lines.push('', title, '-'.repeat(title.length), ...(body.length > 0 ? body : [empty]));
  };

  section(
    `Customers at risk (${digest.at_risk.length}${digest.health_snapshot ? `, health as of ${digest.health_snapshot}` : ''})`,
    firstRows(
      digest.at_risk,
      (entry) =>
        `${entry.is_new ? 'NEW ' : '    '}${entry.name ?? entry.customer_id} — health ${entry.health.toFixed(0)}, owner ${entry.owner_name ?? entry.owner_rep_id ?? 'none'}` +
        (entry.reasons.length > 0 ? `: ${entry.reasons.map(formatHealthReason).join('; ')}` : ''),
    ),
    'No customer is at risk.',
  );
  section(
    `New customers, last 7 days (${digest.new_customers.length})`,
    firstRows(
      digest.new_customers,
      (entry) =>
        `${entry.acquired_on}  ${entry.name ?? entry.customer_id} (${entry.owner_name ?? 'no owner'}): ` +
        `first usage ${entry.first_usage_on ?? 'not yet'}, ${entry.active_users ?? 0} active users, ` +
        `first invoice ${entry.first_invoice_paid_at ? `paid ${formatDay(entry.first_invoice_paid_at)}` : 'not paid yet'}`,
    ),
    'No new customers this week.',
  );
  const lost = digest.lost_prospects;
  section(
    `Lost prospects, last 7 days (${lost.deals.length})`,
    [
      ...firstRows(
        lost.deals,
        (deal) =>
          `${formatDay(deal.closed_at)}  ${deal.name ?? deal.id} ${money(deal.amount)} — ${deal.lost_reason ?? 'no reason given'}` +
          `${deal.competitor ? `, to ${deal.competitor}` : ''} (${deal.owner_name ?? deal.owner_rep_id})`,
      ),
      ...(lost.reasons.length > 0
        ? [
            'Reasons: ' +
              lost.reasons.map((r) => `${r.key} ${r.deals} (${money(r.amount)})`).join(', '),
          ]
        : []),
    ],
    'No deals lost this week.',
  );
  const prospects = digest.hot_prospects;
  section(
    `Hot prospects (${prospects.hot.length}) and stalled deals (${prospects.stalled.length})`,
    [
      ...prospects.hot.map(
        (deal) =>
          `HOT  ${deal.name ?? deal.id} ${money(deal.amount)} — ${deal.stage} (${formatPercent(deal.win_probability)}), ` +
          `closes ${formatDay(deal.expected_close_at)}, ${deal.recent_activities} activities in 14 days (${deal.owner_name ?? deal.owner_rep_id})`,
      ),
      ...prospects.stalled.map(
        (deal) =>
          `STALLED  ${deal.name ?? deal.id} ${money(deal.amount)} — ${deal.stage}, last activity ${formatDay(deal.last_activity_at)} (${deal.owner_name ?? deal.owner_rep_id})`,
      ),
    ],
    'No open deals.',
  );
  const trends = digest.trends;
  section(
    `Trends (week of ${trends.week_of}, month of ${trends.month_of.slice(0, 7)})`,
    [
      ...trends.metrics.map(
        (trend) =>
          `${trend.title}: ${formatValue(trend.week.current, trend.unit, digest.reporting_currency)} last week (${formatChange(trend.week, trend.unit)}), ` +
          `${formatValue(trend.month.current, trend.unit, digest.reporting_currency)} last month (${formatChange(trend.month, trend.unit)})`,
      ),
      ...(trends.cac_by_channel.length > 0
        ? [
            'CAC by channel (last month, month before): ' +
              trends.cac_by_channel
                .map((row) => `${row.channel} ${money(row.current)} (${money(row.previous)})`)
                .join(', '),
          ]
        : []),
    ],
    'No data.',
  );
  return `${lines.join('\n')}\n`;
}
