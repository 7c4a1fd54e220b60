/**
 * Schema version 8: an index for "the rate of this currency on or before
 * this date", the lookup every foreign amount makes (PostgreSQL answers it
 * per row; the primary key leads with the date, which does not help).
 */
export const fxRateLookup = {
  version: 8,
  name: 'fx rate lookup index',
  statements: [`CREATE INDEX fx_rates_by_currency ON fx_rates (currency, date)`],
} as const;
