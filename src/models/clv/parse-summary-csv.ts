/**
 * Reads a per-customer summary CSV: `customer_id,frequency,recency,T[,monetary_value]`
 * (DESIGN.md), also under lifetimes' and the CDNOW files' spellings
 * (`ID,frequency,recency,T` and `ID,x,t_x,T,zbar`) and lifetimes'
 * calibration/holdout columns (`frequency_cal`, …, `frequency_holdout`,
 * `duration_holdout`). CRLF, a BOM or no final newline are fine. Every bad
 * value is reported with its line and column; nothing is guessed.
 */
import Papa from 'papaparse';
import type { Reject } from '../../domain/reject.js';
import type { CustomerSummary } from './customer-summary.js';

export type SummaryParseOutcome =
  { ok: true; value: CustomerSummary } | { ok: false; problems: Reject[] };

type Column =
  | 'customer_id'
  | 'frequency'
  | 'recency'
  | 'T'
  | 'monetary_value'
  | 'frequency_holdout'
  | 'duration_holdout';

const ALIASES: Record<Column, readonly string[]> = {
  customer_id: ['customer_id', 'id', 'customer'],
  frequency: ['frequency', 'x', 'frequency_cal'],
  recency: ['recency', 't_x', 'recency_cal'],
  T: ['t', 't_cal', 'age'],
  monetary_value: ['monetary_value', 'zbar', 'm', 'monetary_value_cal'],
  frequency_holdout: ['frequency_holdout'],
  duration_holdout: ['duration_holdout'],
};
const REQUIRED: readonly Column[] = ['customer_id', 'frequency', 'recency', 'T'];

/** Parses `text` (the contents of `file`) into a summary, or every problem found. */
export function parseSummaryCsv(text: string, file: string): SummaryParseOutcome {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: true });
  const problems: Reject[] = parsed.errors.map((error) => ({
    file,
    line: (error.row ?? 0) + 1,
    column: '',
    value: '',
    reason: error.message,
    fix: 'fix the CSV quoting on that line',
  }));
  const [header = [], ...rows] = parsed.data;
  const positions = locateColumns(header);
  for (const column of REQUIRED) {
    if (positions[column] === undefined) {
      problems.push({
        file,
        line: 1,
        column,
        value: '',
        reason: 'is a required column that the header lacks',
        fix: `name the columns ${REQUIRED.join(',')}[,monetary_value] (or ID,x,t_x,T,zbar)`,
      });
    }
  }
  if (problems.length > 0) return { ok: false, problems };

  const n = rows.length;
  const customerIds: string[] = [];
  const frequency = new Float64Array(n);
  const recency = new Float64Array(n);
  const T = new Float64Array(n);
  const hasMonetary = positions.monetary_value !== undefined;
  const monetaryValue = hasMonetary ? new Float64Array(n) : undefined;
  const hasHoldout =
    positions.frequency_holdout !== undefined && positions.duration_holdout !== undefined;
  const holdoutFrequency = hasHoldout ? new Float64Array(n) : undefined;
  let holdoutDuration = 0;
  rows.forEach((row, index) => {
    const line = index + 2;
    const number = (column: Column, check: (value: number) => string | undefined) => {
      const position = positions[column] ?? -1;
      const text = (row[position] ?? '').trim();
      const value = Number(text);
      const reason = text === '' || !Number.isFinite(value) ? 'is not a number' : check(value);
      if (reason) {
        problems.push({
          file,
          line,
          column: header[position] ?? column,
          value: text,
          reason,
          fix: fixFor(column),
        });
      }
      return value;
    };
    customerIds.push((row[positions.customer_id ?? 0] ?? '').trim());
    const x = number('frequency', (v) =>
      Number.isInteger(v) && v >= 0 ? undefined : 'is not a whole number of 0 or more',
    );
    const age = number('T', (v) => (v >= 0 ? undefined : 'is negative'));
    const tx = number('recency', (v) =>
      v < 0
        ? 'is negative'
        : v > age
          ? 'is larger than T'
          : x === 0 && v !== 0
            ? 'is not 0 although frequency is 0'
            : undefined,
    );
    frequency[index] = x;
    recency[index] = tx;
    T[index] = age;
    if (monetaryValue) {
      monetaryValue[index] = number('monetary_value', (v) =>
        v < 0
          ? 'is negative'
          : x > 0 && v === 0
            ? 'is 0 for a customer with repeat purchases'
            : undefined,
      );
    }
    if (holdoutFrequency) {
      holdoutFrequency[index] = number('frequency_holdout', (v) =>
        Number.isInteger(v) && v >= 0 ? undefined : 'is not a whole number of 0 or more',
      );
      holdoutDuration = number('duration_holdout', (v) => (v > 0 ? undefined : 'is not above 0'));
    }
  });
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    value: {
      customerIds,
      frequency,
      recency,
      T,
      monetaryValue,
      holdout: holdoutFrequency
        ? { frequency: holdoutFrequency, duration: holdoutDuration }
        : undefined,
    },
  };
}

function locateColumns(header: readonly string[]): Partial<Record<Column, number>> {
  const normalized = header.map((name) => name.trim().toLowerCase());
  const positions: Partial<Record<Column, number>> = {};
  for (const column of Object.keys(ALIASES) as Column[]) {
    const index = normalized.findIndex((name) => ALIASES[column].includes(name));
    if (index >= 0) positions[column] = index;
  }
  return positions;
}

function fixFor(column: Column): string {
  switch (column) {
    case 'frequency':
    case 'frequency_holdout':
      return 'give the number of repeat purchase periods, e.g. 2';
    case 'recency':
      return 'give the age at the last purchase, between 0 and T (0 when frequency is 0)';
    case 'T':
      return 'give the age at the end of calibration, in the same unit as recency';
    case 'monetary_value':
      return 'give the mean value of the repeat purchases, e.g. 22.35 (0 when frequency is 0)';
    case 'duration_holdout':
      return 'give the length of the holdout period, e.g. 39';
    case 'customer_id':
      return 'give an id';
  }
}
