import { describe, expect, it } from 'vitest';
import { formatReject } from '../../domain/reject.js';
import { CDNOW_SUMMARY, CDNOW_SUMMARY_WITH_SPEND, readText } from '../../../test/helpers/cdnow.js';
import { parseSummaryCsv } from './parse-summary-csv.js';

describe('parseSummaryCsv', () => {
  it('reads both CDNOW files as shipped: lifetimes’ ID,frequency,recency,T (LF) and ID,x,t_x,T,zbar (CRLF, no final newline)', () => {
    const plain = parseSummaryCsv(readText(CDNOW_SUMMARY), 'cdnow_customers_summary.csv');
    const spend = parseSummaryCsv(readText(CDNOW_SUMMARY_WITH_SPEND), 'with_transactions.csv');
    if (!plain.ok || !spend.ok) throw new Error('both CDNOW files should parse');
    expect(plain.value.customerIds).toHaveLength(2357);
    expect(plain.value.monetaryValue).toBeUndefined();
    // The last row of the CRLF file, which has no newline after it: ID 2357, x = 0.
    expect(spend.value.customerIds.at(-1)).toBe('2357');
    expect(spend.value.monetaryValue?.[0]).toBe(22.35);
    expect(Array.from(spend.value.frequency).reduce((sum, x) => sum + x, 0)).toBe(2457);
  });

  it('reports every bad value with line, column, reason and fix, and returns no summary', () => {
    const outcome = parseSummaryCsv(
      'customer_id,frequency,recency,T\r\nc1,2,30.4,38.9\r\nc2,1.5,3,38\r\nc3,0,2,38\r\nc4,1,40,38\r\n',
      'summary.csv',
    );
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.problems.map(formatReject)).toEqual([
      'summary.csv:3:frequency: "1.5" is not a whole number of 0 or more — give the number of repeat purchase periods, e.g. 2',
      'summary.csv:4:recency: "2" is not 0 although frequency is 0 — give the age at the last purchase, between 0 and T (0 when frequency is 0)',
      'summary.csv:5:recency: "40" is larger than T — give the age at the last purchase, between 0 and T (0 when frequency is 0)',
    ]);
  });

  it('names a missing required column', () => {
    const outcome = parseSummaryCsv('id,frequency,T\n1,0,3\n', 'summary.csv');
    expect(outcome.ok ? [] : outcome.problems.map(formatReject)).toEqual([
      'summary.csv:1:recency: is a required column that the header lacks — name the columns customer_id,frequency,recency,T[,monetary_value] (or ID,x,t_x,T,zbar)',
    ]);
  });
});
