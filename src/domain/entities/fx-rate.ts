import { defineEntity } from './define-entity.js';

export const fxRateEntity = defineEntity({
  name: 'fx_rates',
  description:
    'Reporting-currency value of one unit of a currency, from its date until the next row.',
  key: ['date', 'currency'],
  fields: {
    date: { kind: 'date', required: true },
    currency: { kind: 'currency', required: true },
    rate_to_reporting: { kind: 'decimal', required: true, min: 0, scale: 10 },
  },
  checks: [
    {
      column: 'rate_to_reporting',
      holds: (row) => row.rate_to_reporting !== '0',
      reason: 'is zero',
      fix: 'give the reporting-currency value of one unit, e.g. 1.0843',
    },
  ],
});
