import { describe, expect, it } from 'vitest';
import { computeMonthlyMrr, type StripePrice } from './monthly-mrr.js';

const monthly: StripePrice = {
  amount: '49',
  quantity: 1,
  interval: 'month',
  intervalCount: 1,
  percentOff: '',
  amountOff: '',
};

describe('computeMonthlyMrr', () => {
  it('multiplies the unit amount by the quantity', () => {
    expect(computeMonthlyMrr({ ...monthly, amount: '20', quantity: 5 })).toBe('100');
  });

  it('counts a year as 12 months, a week 52/12 times and a day 365/12 times a month', () => {
    expect(computeMonthlyMrr({ ...monthly, amount: '1200', interval: 'year' })).toBe('100');
    // 12 a week: 12 × 52 / 12 = 52 a month; 1 a day: 365 / 12 = 30.41666… → 30.4167.
    expect(computeMonthlyMrr({ ...monthly, amount: '12', interval: 'week' })).toBe('52');
    expect(computeMonthlyMrr({ ...monthly, amount: '1', interval: 'day' })).toBe('30.4167');
  });

  it('spreads a period of several intervals over its months (quarterly = every 3 months)', () => {
    expect(computeMonthlyMrr({ ...monthly, amount: '300', intervalCount: 3 })).toBe('100');
  });

  it('takes a recurring coupon off each billing period before normalising', () => {
    // 25 % off 100 a month: 75. 120 off an annual 600: (600 − 120) / 12 = 40.
    expect(computeMonthlyMrr({ ...monthly, amount: '100', percentOff: '25' })).toBe('75');
    expect(
      computeMonthlyMrr({ ...monthly, amount: '600', interval: 'year', amountOff: '120' }),
    ).toBe('40');
  });

  it('makes a coupon larger than the price free, never negative', () => {
    expect(computeMonthlyMrr({ ...monthly, amountOff: '60' })).toBe('0');
    expect(computeMonthlyMrr({ ...monthly, percentOff: '100' })).toBe('0');
  });
});
