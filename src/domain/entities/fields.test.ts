import { describe, expect, it } from 'vitest';
import { parseField, type FieldSpec } from './fields.js';

const money: FieldSpec = { kind: 'decimal', min: 0 };
const signedMoney: FieldSpec = { kind: 'decimal' };

describe('parseField', () => {
  it('turns an empty cell into null, and refuses it only for a required column', () => {
    expect(parseField({ kind: 'text' }, '  ')).toEqual({ ok: true, value: null });
    expect(parseField({ kind: 'text', required: true }, '')).toEqual({
      ok: false,
      reason: 'is required but empty',
      fix: 'fill in a value; this column may not be blank',
    });
  });

  it('keeps decimals exact and in their shortest form', () => {
    expect(parseField(money, '49.90')).toEqual({ ok: true, value: '49.9' });
    expect(parseField(money, '0049.0000')).toEqual({ ok: true, value: '49' });
    expect(parseField(money, '1234.5678')).toEqual({ ok: true, value: '1234.5678' });
    expect(parseField(signedMoney, '-12.50')).toEqual({ ok: true, value: '-12.5' });
    expect(parseField(signedMoney, '.5')).toEqual({ ok: true, value: '0.5' });
  });

  it('explains a decimal comma, thousands separators and currency symbols', () => {
    expect(parseField(money, '49,90')).toEqual({
      ok: false,
      reason: 'is not a decimal number',
      fix: 'use a dot as the decimal separator, e.g. 49.90',
    });
    expect(parseField(money, '1,234.50')).toMatchObject({
      fix: 'remove the thousands separators, e.g. 1234.50',
    });
    expect(parseField(money, '$49.90')).toMatchObject({
      fix: 'write the bare amount (e.g. 49.90) and put the ISO currency code in the currency column',
    });
    expect(parseField(money, 'ten')).toMatchObject({ reason: 'is not a decimal number' });
  });

  it('refuses more decimals than the column stores, and amounts too large to store', () => {
    expect(parseField(money, '1.23456')).toEqual({
      ok: false,
      reason: 'has more than 4 digits after the decimal point',
      fix: 'round it to 4 decimal places',
    });
    expect(parseField({ kind: 'decimal', scale: 10 }, '1.0843210000')).toEqual({
      ok: true,
      value: '1.084321',
    });
    expect(parseField(money, '123456789012345')).toMatchObject({ reason: 'is too large' });
  });

  it('enforces ranges: negative MRR and an NPS of 11 are refused', () => {
    expect(parseField(money, '-1')).toEqual({
      ok: false,
      reason: 'is out of range',
      fix: 'use a value at least 0',
    });
    const score: FieldSpec = { kind: 'integer', min: 0, max: 10 };
    expect(parseField(score, '11')).toEqual({
      ok: false,
      reason: 'is out of range',
      fix: 'use a value between 0 and 10',
    });
    expect(parseField(score, '10')).toEqual({ ok: true, value: '10' });
    expect(parseField(score, '7.0')).toEqual({ ok: true, value: '7' });
    expect(parseField(score, '7.5')).toMatchObject({ reason: 'is not a whole number' });
  });

  it('reads dates and date-times as UTC, applying an explicit offset', () => {
    const timestamp: FieldSpec = { kind: 'timestamp' };
    expect(parseField(timestamp, '2025-08-01')).toEqual({
      ok: true,
      value: '2025-08-01 00:00:00.000000',
    });
    expect(parseField(timestamp, '2025-08-01T14:30:00Z')).toEqual({
      ok: true,
      value: '2025-08-01 14:30:00.000000',
    });
    expect(parseField(timestamp, '2025-08-01 14:30')).toEqual({
      ok: true,
      value: '2025-08-01 14:30:00.000000',
    });
    expect(parseField(timestamp, '2025-08-01T01:30:00.25+02:00')).toEqual({
      ok: true,
      value: '2025-07-31 23:30:00.250000',
    });
    expect(parseField(timestamp, '2025-08-01T22:00:00-0500')).toEqual({
      ok: true,
      value: '2025-08-02 03:00:00.000000',
    });
  });

  it('accepts a leap day only in a leap year', () => {
    expect(parseField({ kind: 'timestamp' }, '2024-02-29')).toMatchObject({ ok: true });
    expect(parseField({ kind: 'timestamp' }, '2023-02-29')).toEqual({
      ok: false,
      reason: 'is not a calendar date',
      fix: 'use ISO-8601, e.g. 2025-08-01 or 2025-08-01T14:30:00Z (UTC unless an offset such as +02:00 is given)',
    });
    expect(parseField({ kind: 'date' }, '2000-02-29')).toEqual({ ok: true, value: '2000-02-29' });
    expect(parseField({ kind: 'date' }, '1900-02-29')).toMatchObject({
      reason: 'is not a calendar date',
    });
  });

  it('refuses US-style and impossible dates rather than guessing', () => {
    expect(parseField({ kind: 'timestamp' }, '08/01/2025')).toMatchObject({
      reason: 'is not an ISO-8601 date or date-time',
    });
    expect(parseField({ kind: 'timestamp' }, '2025-08-01T25:00:00Z')).toMatchObject({
      reason: 'is not a valid time of day',
    });
    expect(parseField({ kind: 'date' }, '2025-08-01T10:00:00Z')).toEqual({
      ok: false,
      reason: 'is not an ISO-8601 date',
      fix: 'use an ISO-8601 date, YYYY-MM-DD, e.g. 2025-08-01',
    });
  });

  it('normalises currency codes and refuses unknown ones', () => {
    expect(parseField({ kind: 'currency' }, 'eur')).toEqual({ ok: true, value: 'EUR' });
    expect(parseField({ kind: 'currency' }, 'EURO')).toEqual({
      ok: false,
      reason: 'is not an ISO-4217 currency code',
      fix: 'use a three-letter code such as USD, EUR or GBP',
    });
    expect(parseField({ kind: 'currency' }, 'XYZ')).toMatchObject({ ok: false });
  });

  it('matches enums case-insensitively and lists the allowed values', () => {
    const status: FieldSpec = { kind: 'enum', values: ['paid', 'failed'] };
    expect(parseField(status, 'PAID')).toEqual({ ok: true, value: 'paid' });
    expect(parseField(status, 'settled')).toEqual({
      ok: false,
      reason: 'is not an allowed value',
      fix: 'use one of: paid, failed',
    });
  });

  it('reads yes/no words as booleans', () => {
    expect(parseField({ kind: 'boolean' }, 'Yes')).toEqual({ ok: true, value: 'true' });
    expect(parseField({ kind: 'boolean' }, '0')).toEqual({ ok: true, value: 'false' });
    expect(parseField({ kind: 'boolean' }, 'maybe')).toEqual({
      ok: false,
      reason: 'is not a yes/no value',
      fix: 'use true or false',
    });
  });
});
