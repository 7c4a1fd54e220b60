/**
 * When a subscription is charged next: billing recurs from its anchor (the
 * later of `started_at` and the end of the trial) every month or year. A
 * charge day the month lacks falls on its last day (31 January → 28 or 29
 * February), as Stripe bills it, without drifting for the months after.
 */
export type BillingInterval = 'month' | 'year';

/** The first charge strictly after `after`. */
export function computeNextCharge(anchor: Date, interval: BillingInterval, after: Date): Date {
  const step = interval === 'year' ? 12 : 1;
  const monthsApart =
    (after.getUTCFullYear() - anchor.getUTCFullYear()) * 12 +
    (after.getUTCMonth() - anchor.getUTCMonth());
  // Start one step early: the charge in `after`'s own month may still be ahead of it.
  let count = Math.max(0, Math.floor(monthsApart / step) * step - step);
  for (;;) {
    const charge = addMonthsClamped(anchor, count);
    if (charge.getTime() > after.getTime()) return charge;
    count += step;
  }
}

/**
 * The instant a card stops working: the first moment of the month after
 * its expiry month (a card marked 05/2026 works through 31 May 2026).
 */
export function computeCardLapse(expMonth: number, expYear: number): Date {
  return new Date(Date.UTC(expYear, expMonth, 1));
}

function addMonthsClamped(anchor: Date, months: number): Date {
  const year = anchor.getUTCFullYear();
  const month = anchor.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return new Date(
    Date.UTC(
      year,
      month,
      Math.min(anchor.getUTCDate(), lastDay),
      anchor.getUTCHours(),
      anchor.getUTCMinutes(),
      anchor.getUTCSeconds(),
    ),
  );
}
