/** Test helper: |actual − expected| ≤ tolerance·|expected|, with both numbers in the failure message. */
import { expect } from 'vitest';

export function expectWithin(actual: number, expected: number, tolerance: number, what = ''): void {
  const ok = Math.abs(actual - expected) <= tolerance * Math.abs(expected);
  expect(ok, `${what} ${actual} is not within ${tolerance * 100} % of ${expected}`).toBe(true);
}
