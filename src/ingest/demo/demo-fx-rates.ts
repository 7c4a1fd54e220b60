/**
 * Daily EUR and GBP rates to the reporting currency (USD), from before the
 * oldest subscription to asOf, so every amount finds a rate on or before its
 * date. Each rate wanders around a slowly drifting level (mean-reverting
 * random walk), kept inside a plausible band.
 */
import type { Random } from '../../domain/random.js';
import { DAY_MS, formatDate, startOfDay } from './demo-calendar.js';
import type { DemoEmitter } from './demo-emitter.js';
import type { DemoPlan } from './demo-plan.js';

type RateModel = {
  currency: string;
  from: number;
  to: number;
  low: number;
  high: number;
  dailySd: number;
};

const RATE_MODELS: readonly RateModel[] = [
  { currency: 'EUR', from: 1.065, to: 1.1, low: 1.05, high: 1.12, dailySd: 0.003 },
  { currency: 'GBP', from: 1.245, to: 1.29, low: 1.22, high: 1.32, dailySd: 0.004 },
];

/** Each currency's typical rate to USD over the history, for sizing goals without a day's rate. */
export const APPROXIMATE_USD_RATE: Readonly<Record<string, number>> = Object.fromEntries([
  ['USD', 1],
  ...RATE_MODELS.map((model) => [model.currency, (model.from + model.to) / 2] as const),
]);

export function emitFxRates(random: Random, emitter: DemoEmitter, plan: DemoPlan): void {
  const firstDay = startOfDay(plan.fxStartMs);
  const lastDay = startOfDay(plan.asOfMs);
  const rates = RATE_MODELS.map((model) => model.from);
  for (let day = firstDay; day <= lastDay; day += DAY_MS) {
    const progress = (day - firstDay) / Math.max(1, lastDay - firstDay);
    RATE_MODELS.forEach((model, i) => {
      const level = model.from + (model.to - model.from) * progress;
      const previous = rates[i] ?? level;
      const next = previous + 0.05 * (level - previous) + random.normal(0, model.dailySd);
      const rate = Math.min(model.high, Math.max(model.low, next));
      rates[i] = rate;
      emitter.add('fx_rates', {
        date: formatDate(day),
        currency: model.currency,
        rate_to_reporting: rate.toFixed(4),
      });
    });
  }
}
