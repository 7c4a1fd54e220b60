import { describe, expect, it } from 'vitest';
import { computeCardLapse, computeNextCharge } from './billing-calendar.js';

const at = (text: string) => new Date(`${text}T00:00:00Z`);
const day = (date: Date) => date.toISOString().slice(0, 10);

describe('computeNextCharge', () => {
  it('charges a monthly plan started on the 15th on the next 15th', () => {
    // Started 2025-01-15; on 2026-05-04 the May charge (05-15) is still ahead.
    expect(day(computeNextCharge(at('2025-01-15'), 'month', at('2026-05-04')))).toBe('2026-05-15');
  });

  it('moves to the next month once this month’s charge has passed', () => {
    expect(day(computeNextCharge(at('2025-01-15'), 'month', at('2026-05-20')))).toBe('2026-06-15');
  });

  it('charges a plan started on 31 January on the last day of shorter months', () => {
    // 2026 is not a leap year: 31 January → 28 February → 31 March.
    expect(day(computeNextCharge(at('2026-01-31'), 'month', at('2026-02-01')))).toBe('2026-02-28');
    expect(day(computeNextCharge(at('2026-01-31'), 'month', at('2026-03-01')))).toBe('2026-03-31');
  });

  it('charges an annual plan on its anniversary', () => {
    // Started 2024-09-10: renewals 2025-09-10, 2026-09-10.
    expect(day(computeNextCharge(at('2024-09-10'), 'year', at('2026-05-04')))).toBe('2026-09-10');
  });

  it('treats a charge at the very as-of instant as past', () => {
    expect(day(computeNextCharge(at('2026-01-04'), 'month', at('2026-05-04')))).toBe('2026-06-04');
  });
});

describe('computeCardLapse', () => {
  it('lets a card marked 05/2026 work through the end of May', () => {
    expect(computeCardLapse(5, 2026).toISOString()).toBe('2026-06-01T00:00:00.000Z');
    expect(computeCardLapse(12, 2026).toISOString()).toBe('2027-01-01T00:00:00.000Z');
  });
});
