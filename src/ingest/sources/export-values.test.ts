import { describe, expect, it } from 'vitest';
import { parseExportAmount, parseExportDate, parseFlag, requireValue } from './export-values.js';

describe('parseExportDate', () => {
  it('reads US M/D/YYYY dates, with a 12- or 24-hour time, as UTC ISO text', () => {
    expect(parseExportDate('3/1/2024')).toEqual({ ok: true, value: '2024-03-01' });
    expect(parseExportDate('12/31/2024, 11:59 PM')).toEqual({
      ok: true,
      value: '2024-12-31T23:59:00Z',
    });
    expect(parseExportDate('1/8/2024 12:05 a.m.')).toEqual({
      ok: true,
      value: '2024-01-08T00:05:00Z',
    });
    expect(parseExportDate('1/8/2024 14:05:09')).toEqual({
      ok: true,
      value: '2024-01-08T14:05:09Z',
    });
  });

  it('passes ISO dates through and an empty cell as empty', () => {
    expect(parseExportDate('2024-03-14 16:02')).toEqual({ ok: true, value: '2024-03-14 16:02' });
    expect(parseExportDate('')).toEqual({ ok: true, value: null });
  });

  it('refuses impossible dates and times, and day-first dates past the 12th', () => {
    const fix =
      'use the date as the export prints it, M/D/YYYY (US) or YYYY-MM-DD, e.g. 3/1/2024 or 2024-03-01, optionally with a time such as 2:05 PM';
    expect(parseExportDate('2/30/2024')).toEqual({
      ok: false,
      reason: 'is not a calendar date',
      fix,
    });
    expect(parseExportDate('3/1/2024 13:00 PM')).toEqual({
      ok: false,
      reason: 'is not a valid time of day',
      fix,
    });
    expect(parseExportDate('14/3/2024')).toMatchObject({ ok: false });
    expect(parseExportDate('14 March 2024')).toEqual({
      ok: false,
      reason: 'is not a date in M/D/YYYY or YYYY-MM-DD form',
      fix,
    });
  });
});

describe('parseExportAmount', () => {
  const amount = parseExportAmount({ kind: 'decimal', min: 0 });

  it('drops thousands separators before the dot, as exports print them', () => {
    expect(amount('1,250.00')).toEqual({ ok: true, value: '1250' });
    expect(amount('12,000')).toEqual({ ok: true, value: '12000' });
    expect(amount('49.90')).toEqual({ ok: true, value: '49.9' });
  });

  it('does not guess at a decimal comma', () => {
    expect(amount('49,90')).toEqual({
      ok: false,
      reason: 'is not a decimal number',
      fix: 'use a dot as the decimal separator, e.g. 49.90',
    });
  });
});

describe('parseFlag and requireValue', () => {
  it('reads checkbox columns printed as 1/0 or true/false', () => {
    expect(parseFlag('1')).toEqual({ ok: true, value: 'true' });
    expect(parseFlag('FALSE')).toEqual({ ok: true, value: 'false' });
    expect(parseFlag('')).toEqual({ ok: true, value: null });
  });

  it('refuses an empty cell where a value is needed', () => {
    expect(requireValue(parseFlag)('')).toEqual({
      ok: false,
      reason: 'is required but empty',
      fix: 'fill in a value; this column may not be blank',
    });
  });
});
