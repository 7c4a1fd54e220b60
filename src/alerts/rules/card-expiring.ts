/**
 * The default card lapsing before the next renewal charge (readCardLapses,
 * which the health score reads too): one alert per card and expiry, so a
 * renewed card is a new situation.
 */
import type { MetricCache } from '../../metrics/metric-cache.js';
import { readCardLapses, type CardLapse } from '../../models/risk/card-lapses.js';
import { toIsoDate } from '../../store/sql-time.js';
import type { Store } from '../../store/store.js';
import type { AlertCandidate } from '../alert.js';

export async function findExpiringCards(
  store: Store,
  asOf: Date,
  cache?: MetricCache,
): Promise<AlertCandidate[]> {
  return (await readCardLapses(store, asOf, cache)).map((card) => toCandidate(card, asOf));
}

function toCandidate(card: CardLapse, asOf: Date): AlertCandidate {
  const name = card.name ?? card.customer_id;
  const expiry = `${String(card.exp_month).padStart(2, '0')}/${card.exp_year}`;
  const charge = toIsoDate(card.nextCharge);
  return {
    kind: 'card_expiring',
    subject_kind: 'customer',
    subject_id: card.customer_id,
    assignee_rep_id: card.owner_rep_id,
    dedupe_key: `card_expiring:${card.customer_id}:${card.payment_method_id}:${expiry}`,
    title:
      card.lapse <= asOf
        ? `${name}'s card expired ${expiry}; the next charge is on ${charge}`
        : `${name}'s card expires ${expiry}, before the next charge on ${charge}`,
    task: `Ask ${name} to update the card on file before ${charge}.`,
    detail: {
      customer_id: card.customer_id,
      customer_name: card.name,
      payment_method_id: card.payment_method_id,
      exp_month: card.exp_month,
      exp_year: card.exp_year,
      subscription_id: card.subscription_id,
      billing_interval: card.billing_interval,
      next_charge: charge,
    },
  };
}
