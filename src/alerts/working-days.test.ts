import { describe, expect, it } from 'vitest';
import { addWorkingDays } from './working-days.js';

describe('addWorkingDays', () => {
  it('skips the weekend: Thursday + 2 working days is Monday', () => {
    // Thu 2026-05-07 → Fri 05-08 (1), Sat and Sun skipped, Mon 05-11 (2).
    expect(addWorkingDays('2026-05-07', 2)).toBe('2026-05-11');
  });

  it('counts a Saturday start from Monday: + 5 is the next Friday', () => {
    // Sat 2026-05-09 → Mon 11 (1) … Fri 15 (5).
    expect(addWorkingDays('2026-05-09', 5)).toBe('2026-05-15');
  });

  it('spans two weekends for 7 working days from a Monday', () => {
    // Mon 2026-05-04 → Tue 5 … Fri 8 (4), Mon 11 … Wed 13 (7).
    expect(addWorkingDays('2026-05-04', 7)).toBe('2026-05-13');
  });
});
