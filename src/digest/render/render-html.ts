/**
 * The digest as one self-contained HTML page: inline styles, 720 px wide,
 * charts embedded as server-rendered SVG. It is both the e-mail's HTML part
 * and what `--format html` prints.
 */
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
  toneOf,
} from './format.js';
import {
  COLORS,
  escapeHtml,
  renderBadge,
  renderEmpty,
  renderMore,
  renderSection,
  renderTable,
  renderTiles,
  type Cell,
} from './html-parts.js';
import { renderBarList, renderComparisonBars, renderSparkline } from './render-charts.js';

const WIDTH = 720;
const CHART_WIDTH = WIDTH - 48;
const TONE_COLORS = { good: COLORS.good, bad: COLORS.bad, flat: COLORS.muted } as const;

const text = (value: string | number | null, align: Cell['align'] = 'left'): Cell => ({
  html: escapeHtml(value === null ? '—' : String(value)),
  align,
});

export function renderDigestHtml(digest: Digest): string {
  const title = `Daily digest for ${formatAudience(digest.audience)}`;
  const newlyAtRisk = digest.at_risk.filter((entry) => entry.is_new).length;
  const tiles = renderTiles([
    {
      value: String(digest.at_risk.length),
      label: `at risk (${newlyAtRisk} new)`,
      color: digest.at_risk.length > 0 ? COLORS.bad : COLORS.text,
    },
    {
      value: String(digest.new_customers.length),
      label: 'new customers, 7 days',
      color: COLORS.good,
    },
    { value: String(digest.lost_prospects.deals.length), label: 'deals lost, 7 days' },
    { value: String(digest.hot_prospects.hot.length), label: 'hot prospects' },
    {
      value: String(digest.hot_prospects.stalled.length),
      label: 'stalled deals',
      color: digest.hot_prospects.stalled.length > 0 ? COLORS.warn : COLORS.text,
    },
  ]);
  const notes = digest.notes
    .map(
      (note) =>
        `<p style="margin:8px 0 0;padding:8px 10px;background:#fef3c7;border-radius:4px;font-size:12px;color:#78350f;">${escapeHtml(note)}</p>`,
    )
    .join('');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escapeHtml(title)}</title></head>
<body style="margin:0;padding:16px 0;background:#f1f5f9;font-family:Helvetica,Arial,sans-serif;color:${COLORS.text};">
<table role="presentation" cellpadding="0" cellspacing="0" style="width:${WIDTH}px;margin:0 auto;background:#ffffff;border:1px solid ${COLORS.border};border-radius:8px;border-collapse:separate;">
<tr><td style="padding:20px 24px 16px;border-bottom:3px solid ${COLORS.accent};">
<div style="font-size:12px;color:${COLORS.accent};font-weight:700;letter-spacing:.08em;text-transform:uppercase;">Retain</div>
<h1 style="margin:4px 0 2px;font-size:22px;">${escapeHtml(title)}</h1>
<div style="font-size:13px;color:${COLORS.muted};">${escapeHtml(formatLongDate(digest.date))} · amounts in ${escapeHtml(digest.reporting_currency)}</div>
${notes}
<div style="margin-top:14px;">${tiles}</div>
</td></tr>
${renderAtRisk(digest)}
${renderNewCustomers(digest)}
${renderLostProspects(digest)}
${renderHotProspects(digest)}
${renderTrends(digest)}
<tr><td style="padding:16px 24px;font-size:11px;color:${COLORS.muted};border-top:1px solid ${COLORS.border};">Every figure comes from Retain’s KPI engine; <code>retain metrics --explain</code> shows how each is computed.</td></tr>
</table></body></html>
`;
}

function renderAtRisk(digest: Digest): string {
  const subtitle = digest.health_snapshot
    ? `Health as of ${digest.health_snapshot}; newly at risk first, then least healthy.`
    : 'No health snapshot yet.';
  const body =
    digest.at_risk.length === 0
      ? renderEmpty('No customer is at risk.')
      : renderTable(
          [text('Customer'), text('Health', 'right'), text('Why'), text('Owner')],
          digest.at_risk.slice(0, ROWS_SHOWN).map((entry) => [
            {
              html: `${entry.is_new ? `${renderBadge('NEW', COLORS.bad)} ` : ''}<strong>${escapeHtml(entry.name ?? entry.customer_id)}</strong>`,
            },
            {
              html: `<strong style="color:${entry.health < 40 ? COLORS.bad : COLORS.warn};">${entry.health.toFixed(0)}</strong>`,
              align: 'right',
            },
            {
              html:
                entry.reasons
                  .map((reason) => escapeHtml(formatHealthReason(reason)))
                  .join('<br>') || '—',
              style: `color:${COLORS.muted};font-size:12px;`,
            },
            text(entry.owner_name ?? entry.owner_rep_id),
          ]),
        ) + renderMore(digest.at_risk.length);
  return renderSection(`Customers at risk (${digest.at_risk.length})`, subtitle, body);
}

function renderNewCustomers(digest: Digest): string {
  const check = (isDone: boolean, label: string) =>
    `<span style="color:${isDone ? COLORS.good : COLORS.warn};">${isDone ? '✔' : '○'} ${escapeHtml(label)}</span>`;
  const body =
    digest.new_customers.length === 0
      ? renderEmpty('No new customers in the last 7 days.')
      : renderTable(
          [
            text('Customer'),
            text('Since'),
            text('Onboarding'),
            text('Active users', 'right'),
            text('Owner'),
          ],
          digest.new_customers.slice(0, ROWS_SHOWN).map((entry) => [
            { html: `<strong>${escapeHtml(entry.name ?? entry.customer_id)}</strong>` },
            { html: escapeHtml(entry.acquired_on), style: 'white-space:nowrap;' },
            {
              html: [
                check(
                  entry.first_usage_on !== null,
                  entry.first_usage_on ? `used ${entry.first_usage_on}` : 'no usage yet',
                ),
                check(
                  entry.first_invoice_paid_at !== null,
                  entry.first_invoice_paid_at
                    ? `paid ${formatDay(entry.first_invoice_paid_at)}`
                    : 'first invoice unpaid',
                ),
              ].join('<br>'),
              style: 'font-size:12px;',
            },
            text(entry.active_users ?? 0, 'right'),
            text(entry.owner_name ?? entry.owner_rep_id),
          ]),
        ) + renderMore(digest.new_customers.length);
  return renderSection(
    `New customers (${digest.new_customers.length})`,
    'Acquired in the last 7 days, with their onboarding.',
    body,
  );
}

function renderLostProspects(digest: Digest): string {
  const { deals, reasons, competitors } = digest.lost_prospects;
  const money = (amount: number) => formatMoney(amount, digest.reporting_currency);
  if (deals.length === 0)
    return renderSection(
      'Lost prospects (0)',
      'Deals lost in the last 7 days.',
      renderEmpty('No deals lost this week.'),
    );
  const chart = renderBarList(
    reasons.map((reason) => ({ label: reason.key, value: reason.deals })),
    'deals lost',
    CHART_WIDTH,
  );
  const tally = competitors
    .map(
      (row) =>
        `${escapeHtml(row.key)} <strong>${row.deals}</strong> (${escapeHtml(money(row.amount))})`,
    )
    .join(' · ');
  const table = renderTable(
    [
      text('Deal'),
      text('Amount', 'right'),
      text('Reason'),
      text('Competitor'),
      text('Owner'),
      text('Lost'),
    ],
    deals
      .slice(0, ROWS_SHOWN)
      .map((deal) => [
        text(deal.name ?? deal.id),
        text(money(deal.amount), 'right'),
        text(deal.lost_reason),
        text(deal.competitor),
        text(deal.owner_name ?? deal.owner_rep_id),
        { html: escapeHtml(formatDay(deal.closed_at)), style: 'white-space:nowrap;' },
      ]),
  );
  return renderSection(
    `Lost prospects (${deals.length}, ${money(deals.reduce((sum, deal) => sum + deal.amount, 0))})`,
    'Deals lost in the last 7 days, by reason; competitors they went to below.',
    `${chart}<p style="margin:4px 0 10px;font-size:12px;color:${COLORS.muted};">Competitors: ${tally}</p>${table}${renderMore(deals.length)}`,
  );
}

function renderHotProspects(digest: Digest): string {
  const { hot, stalled } = digest.hot_prospects;
  const money = (amount: number) => formatMoney(amount, digest.reporting_currency);
  const hotTable =
    hot.length === 0
      ? renderEmpty('No open deals with recent activity.')
      : renderTable(
          [
            text('Deal'),
            text('Amount', 'right'),
            text('Stage'),
            text('Closes'),
            text('Touches, 14 d', 'right'),
            text('Owner'),
          ],
          hot.map((deal) => [
            { html: `<strong>${escapeHtml(deal.name ?? deal.id)}</strong>` },
            text(money(deal.amount), 'right'),
            text(`${deal.stage} (${formatPercent(deal.win_probability)})`),
            {
              html: escapeHtml(formatDay(deal.expected_close_at)),
              // Past its expected close and still open: overdue.
              style: `white-space:nowrap;${deal.days_to_close !== null && deal.days_to_close < 0 ? `color:${COLORS.bad};` : ''}`,
            },
            text(deal.recent_activities, 'right'),
            text(deal.owner_name ?? deal.owner_rep_id),
          ]),
        );
  const stalledTable =
    stalled.length === 0
      ? renderEmpty('No stalled deals.')
      : renderTable(
          [
            text('Deal'),
            text('Amount', 'right'),
            text('Stage'),
            text('Last activity'),
            text('Owner'),
          ],
          stalled.map((deal) => [
            text(deal.name ?? deal.id),
            text(money(deal.amount), 'right'),
            text(deal.stage),
            {
              html: escapeHtml(formatDay(deal.last_activity_at)),
              style: `white-space:nowrap;color:${COLORS.warn};`,
            },
            text(deal.owner_name ?? deal.owner_rep_id),
          ]),
        );
  return renderSection(
    'Hot prospects',
    'Open deals ranked by amount × stage win probability, discounted by time to close and raised by recent activity.',
    `${hotTable}<h3 style="margin:16px 0 6px;font-size:14px;">Stalled: no activity for 14 days (${stalled.length})</h3>${stalledTable}`,
  );
}

function renderTrends(digest: Digest): string {
  const { metrics, cac_by_channel: cac, week_of, month_of } = digest.trends;
  const currency = digest.reporting_currency;
  const change = (
    value: Parameters<typeof formatChange>[0],
    unit: Parameters<typeof formatChange>[1],
    direction: Parameters<typeof toneOf>[1],
  ): Cell => ({
    html: escapeHtml(formatChange(value, unit)),
    align: 'right',
    style: `color:${TONE_COLORS[toneOf(value, direction)]};font-weight:600;`,
  });
  const table = renderTable(
    [
      text('KPI'),
      text('Last week', 'right'),
      text('WoW', 'right'),
      text('Last month', 'right'),
      text('MoM', 'right'),
      text('6 months'),
    ],
    metrics.map((trend) => [
      text(trend.title),
      text(formatValue(trend.week.current, trend.unit, currency), 'right'),
      change(trend.week, trend.unit, trend.direction),
      text(formatValue(trend.month.current, trend.unit, currency), 'right'),
      change(trend.month, trend.unit, trend.direction),
      {
        html: renderSparkline(
          trend.monthly.map((point) => point.value),
          COLORS.accent,
        ),
        style: 'padding:2px 8px;',
      },
    ]),
  );
  const cacChart =
    cac.length === 0
      ? renderEmpty('No marketing spend to compute CAC from.')
      : renderComparisonBars(
          cac.map((row) => row.channel),
          cac.map((row) => (row.current === null ? null : Math.round(row.current))),
          cac.map((row) => (row.previous === null ? null : Math.round(row.previous))),
          ['last month', 'month before'],
          CHART_WIDTH,
        );
  return renderSection(
    'Customer trends',
    `Week of ${week_of} against the week before; ${month_of.slice(0, 7)} against the month before.`,
    `${table}<h3 style="margin:16px 0 6px;font-size:14px;">CAC by acquisition channel (${escapeHtml(currency)})</h3>${cacChart}`,
  );
}
