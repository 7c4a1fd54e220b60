import { describe, expect, it } from 'vitest';
import { multiply, ratio, ratioOf, subtract, toDecimalText } from './exact-decimal.js';

describe('exact decimal arithmetic', () => {
  it('multiplies without binary rounding: 49.90 × 3 is 149.7, not 149.70000000000002', () => {
    expect(toDecimalText(multiply(ratioOf('49.90'), ratio(3)))).toBe('149.7');
  });

  it('rounds only the result, half away from zero, to four decimals', () => {
    // 10 a week is 10 × 52 / 12 = 43.3333… a month; 0.00005 rounds up, −0.00005 down.
    expect(toDecimalText(multiply(ratioOf('10'), ratio(52, 12)))).toBe('43.3333');
    expect(toDecimalText(ratioOf('0.00005'))).toBe('0.0001');
    expect(toDecimalText(ratioOf('-0.00005'))).toBe('-0.0001');
    expect(toDecimalText(ratioOf('-0.00004'))).toBe('0');
  });

  it('subtracts ratios with different denominators', () => {
    expect(toDecimalText(subtract(ratioOf('600'), ratio(1, 3)))).toBe('599.6667');
    expect(toDecimalText(subtract(ratioOf('1.5'), ratioOf('2.25')))).toBe('-0.75');
  });
});
