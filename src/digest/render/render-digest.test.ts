import { describe, expect, it } from 'vitest';
import type { Digest } from '../digest.js';
import { formatChange } from './format.js';
import { renderDigestHtml } from './render-html.js';
import { renderDigestText } from './render-text.js';

/** A small digest built by hand, with a customer name that needs escaping. */
function buildDigest(overrides: Partial<Digest> = {}): Digest {
  return {
    date: '2026-05-20',
    audience: { kind: 'rep', rep_id: 'r1', name: 'Ravi', email: 'ravi@example.com', team: 'North' },
    reporting_currency: 'USD',
    health_snapshot: '2026-05-19',
    notes: [],
    at_risk: [
      {
        customer_id: 'c1',
        name: 'Acme <script>',
        owner_rep_id: 'r1',
        owner_name: 'Ravi',
        health: 41,
        risk_probability: 0.6,
        is_new: true,
        at_risk_since: '2026-05-19',
        reasons: [{ reason: 'usage down 40 %', contribution: -18 }],
      },
    ],
    new_customers: [],
    lost_prospects: {
      deals: [],
      reasons: [{ key: 'price', deals: 2, amount: 15_000 }],
      competitors: [],
    },
    hot_prospects: { hot: [], stalled: [] },
    trends: {
      week_of: '2026-05-11',
      month_of: '2026-04-01',
      metrics: [
        {
          metric: 'customer_churn_rate',
          title: 'Customer churn rate',
          unit: 'ratio',
          direction: 'lower_is_better',
          week: { current: 0.018, previous: 0.021, change: 0.018 - 0.021 },
          month: { current: 0.05, previous: 0.04, change: 0.01 },
          monthly: [0.04, 0.03, 0.05, 0.04, 0.04, 0.05].map((value, index) => ({
            period_start: `2025-1${index}-01`,
            value,
          })),
        },
      ],
      cac_by_channel: [{ channel: 'partner', current: 900, previous: 1_200 }],
    },
    ...overrides,
  };
}

describe('rendering the digest', () => {
  it('writes HTML with inline styles, escaped names and charts rendered to SVG on the server', () => {
    const html = renderDigestHtml(buildDigest());
    expect(html).toContain(
      '<h1 style="margin:4px 0 2px;font-size:22px;">Daily digest for Ravi</h1>',
    );
    expect(html).toContain('Acme &lt;script&gt;');
    expect(html).not.toContain('<script>');
    // No stylesheet: mail clients drop it (the SVGs carry their own).
    expect(html.slice(0, html.indexOf('<body'))).not.toContain('<style');
    // One sparkline for churn and the CAC chart.
    expect(html.match(/<svg /g)).toHaveLength(2);
    expect(html).toContain('usage down 40 % (−18.0)');
  });

  it('colours a falling churn rate as good news and writes rate changes in percentage points', () => {
    const html = renderDigestHtml(buildDigest());
    // 1.8 % against 2.1 %: −0.3 pp, green because lower churn is better.
    expect(html).toContain('color:#047857;font-weight:600;">−0.30 pp</td>');
    // 5 % against 4 %: +1 pp, red.
    expect(html).toContain('color:#b91c1c;font-weight:600;">+1.0 pp</td>');
  });

  it('writes the same sections as plain text, saying when a section is empty', () => {
    const text = renderDigestText(buildDigest());
    expect(text).toContain('Retain daily digest for Ravi — Wednesday, 20 May 2026');
    expect(text).toContain('NEW Acme <script> — health 41, owner Ravi: usage down 40 % (−18.0)');
    expect(text).toContain('No new customers this week.');
    expect(text).toContain(
      'Customer churn rate: 1.8% last week (−0.30 pp), 5.0% last month (+1.0 pp)',
    );
    expect(text).toContain(
      'CAC by channel (last month, month before): partner USD 900 (USD 1,200)',
    );
  });

  it('writes amounts and counts as relative changes, and nothing when the previous value is missing', () => {
    expect(formatChange({ current: 120, previous: 100, change: 20 }, 'currency')).toBe('+20%');
    expect(formatChange({ current: 3, previous: null, change: null }, 'count')).toBe('—');
    expect(formatChange({ current: 30, previous: 42, change: -12 }, 'score')).toBe('−12.0');
  });
});
