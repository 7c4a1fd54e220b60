/**
 * Draws who a demo customer is before anything happens to it: segment,
 * region, plan, contract, payment method and a latent `risk` (standard
 * normal). The risk is the hidden cause behind churn and, noisily, behind every
 * signal a health score could read, so those signals are learnable but not perfect.
 */
import type { Random } from '../../domain/random.js';
import { DAY_MS } from './demo-calendar.js';
import {
  OPENING_SHARE,
  SEGMENT_WEIGHTS,
  TRIAL_DAYS,
  TRIAL_FAILURE,
  TRIAL_SHARE,
  sampleOpeningAcquisition,
  sampleWindowAcquisition,
  type DemoPlan,
} from './demo-plan.js';
import { pickAccountExecutive, type DemoRep, type DemoRoster } from './demo-reps.js';
import {
  sigmoid,
  type Channel,
  type ContractType,
  type Currency,
  type PaymentKind,
  type PlanKey,
  type Region,
  type Segment,
} from './demo-vocabulary.js';
import { INDUSTRIES, pickCompanyName, pickPersonName } from './demo-words.js';

export type CustomerProfile = {
  readonly id: string;
  readonly name: string;
  readonly contactName: string;
  readonly segment: Segment;
  readonly region: Region;
  readonly industry: string;
  readonly channel: Channel;
  /** Latent churn propensity, standard normal; higher leaves sooner. */
  readonly risk: number;
  /** Typical share of seats active in a week, before noise. */
  readonly engagement: number;
  readonly contractType: ContractType;
  readonly billedYearly: boolean;
  readonly paymentKind: PaymentKind;
  readonly currency: Currency;
  readonly companySize: number;
  readonly seats: number;
  readonly plan: PlanKey;
  /** Negotiated or promotional discount, before the annual-billing one. */
  readonly discount: number;
  readonly isOpening: boolean;
  /** Start of the first subscription: the trial's start for a trial. */
  readonly startMs: number;
  readonly trialEndMs: number | null;
  /** A trial that ends without paying: a customer record, never a customer. */
  readonly isTrialOnly: boolean;
  readonly csm: DemoRep;
  readonly accountExecutive: DemoRep;
  readonly ownerRepId: string;
};

export const REGION_WEIGHTS: readonly (readonly [Region, number])[] = [
  ['north_america', 0.5],
  ['emea', 0.3],
  ['apac', 0.12],
  ['latam', 0.08],
];

// Organic and paid sign-ups dominate small business; enterprise comes from outbound and events.
export const CHANNEL_WEIGHTS: Readonly<Record<Segment, readonly (readonly [Channel, number])[]>> = {
  smb: [
    ['organic', 28],
    ['paid_search', 28],
    ['referral', 14],
    ['outbound', 12],
    ['partner', 8],
    ['events', 10],
  ],
  mid_market: [
    ['organic', 15],
    ['paid_search', 15],
    ['referral', 15],
    ['outbound', 28],
    ['partner', 12],
    ['events', 15],
  ],
  enterprise: [
    ['organic', 5],
    ['paid_search', 5],
    ['referral', 15],
    ['outbound', 40],
    ['partner', 15],
    ['events', 20],
  ],
};

// Paid-search sign-ups are the flightiest, referrals the most loyal.
const CHANNEL_RISK_SHIFT: Readonly<Record<Channel, number>> = {
  organic: 0,
  paid_search: 0.25,
  outbound: 0.1,
  referral: -0.3,
  partner: -0.1,
  events: 0,
};

type SegmentTraits = {
  monthlyLogit: number;
  twoYearShare: number;
  cardLogit: number;
  size: readonly [number, number];
  seats: readonly [number, number];
  plans: readonly (readonly [PlanKey, number])[];
};

const SEGMENT_TRAITS: Readonly<Record<Segment, SegmentTraits>> = {
  smb: {
    monthlyLogit: 0.6,
    twoYearShare: 0.1,
    cardLogit: 1.2,
    size: [5, 200],
    seats: [1, 9],
    plans: [
      ['starter', 0.7],
      ['growth', 0.3],
    ],
  },
  mid_market: {
    monthlyLogit: -0.9,
    twoYearShare: 0.25,
    cardLogit: -0.2,
    size: [200, 2000],
    seats: [6, 22],
    plans: [
      ['growth', 0.6],
      ['business', 0.4],
    ],
  },
  enterprise: {
    monthlyLogit: -2.8,
    twoYearShare: 0.4,
    cardLogit: -2.2,
    size: [2000, 50000],
    seats: [20, 85],
    plans: [
      ['business', 0.45],
      ['enterprise', 0.55],
    ],
  },
};

/** `cus_000001` for index 1. */
export function toCustomerId(index: number): string {
  return `cus_${String(index).padStart(6, '0')}`;
}

export function drawCustomerProfile(
  random: Random,
  index: number,
  plan: DemoPlan,
  roster: DemoRoster,
): CustomerProfile {
  const segment = random.weighted(SEGMENT_WEIGHTS);
  const region = random.weighted(REGION_WEIGHTS);
  const channel = random.weighted(CHANNEL_WEIGHTS[segment]);
  const traits = SEGMENT_TRAITS[segment];
  const risk = random.normal() + CHANNEL_RISK_SHIFT[channel];
  // Contract and payment terms follow the risk, so a model on attributes alone can learn them.
  const isMonthly = random.bernoulli(sigmoid(traits.monthlyLogit + 0.9 * risk));
  const contractType: ContractType = isMonthly
    ? 'monthly'
    : random.bernoulli(traits.twoYearShare)
      ? 'two_year'
      : 'annual';
  const billedYearly =
    contractType === 'two_year' || (contractType === 'annual' && random.bernoulli(0.75));
  const paymentKind: PaymentKind = random.bernoulli(sigmoid(traits.cardLogit + 0.6 * risk))
    ? 'card'
    : region === 'emea' && random.bernoulli(0.5)
      ? 'direct_debit'
      : 'invoice';
  const companySize = Math.round(drawLogUniform(random, traits.size) * Math.exp(-0.15 * risk));
  const seats = Math.max(
    1,
    Math.min(companySize, Math.round(drawLogUniform(random, traits.seats))),
  );
  const volumeDiscount = segment === 'enterprise' ? random.uniform(0.1, 0.3) : 0;
  const promoDiscount = random.bernoulli(0.1) ? 0.1 : 0;
  const timing = drawTiming(random, plan, segment);
  const csm = random.pick(roster.csms);
  const accountExecutive = pickAccountExecutive(random, roster, region);
  const isAeOwned = random.bernoulli(segment === 'enterprise' ? 0.5 : 0.1);
  return {
    id: toCustomerId(index),
    name: pickCompanyName(random),
    contactName: pickPersonName(random).full,
    segment,
    region,
    industry: random.pick(INDUSTRIES),
    channel,
    risk,
    engagement: clamp(0.78 - 0.1 * risk + random.normal(0, 0.08), 0.15, 0.98),
    contractType,
    billedYearly,
    paymentKind,
    currency: region === 'emea' ? random.weighted(EMEA_CURRENCIES) : 'USD',
    companySize: Math.max(companySize, seats),
    seats,
    plan: random.weighted(traits.plans),
    discount: 1 - (1 - volumeDiscount) * (1 - promoDiscount),
    ...timing,
    csm,
    accountExecutive,
    ownerRepId: isAeOwned ? accountExecutive.id : csm.id,
  };
}

const EMEA_CURRENCIES: readonly (readonly [Currency, number])[] = [
  ['EUR', 0.6],
  ['GBP', 0.3],
  ['USD', 0.1],
];

type Timing = Pick<CustomerProfile, 'isOpening' | 'startMs' | 'trialEndMs' | 'isTrialOnly'>;

function drawTiming(random: Random, plan: DemoPlan, segment: Segment): Timing {
  if (random.bernoulli(OPENING_SHARE)) {
    return {
      isOpening: true,
      startMs: sampleOpeningAcquisition(random, plan),
      trialEndMs: null,
      isTrialOnly: false,
    };
  }
  const acquiredMs = sampleWindowAcquisition(random, plan);
  // A trial needs room for its lead inside the window, and must be over by asOf.
  const trialStartMs = acquiredMs - TRIAL_DAYS * DAY_MS;
  const hasTrial =
    random.bernoulli(TRIAL_SHARE[segment]) && trialStartMs - 3 * DAY_MS >= plan.windowStartMs;
  if (!hasTrial)
    return { isOpening: false, startMs: acquiredMs, trialEndMs: null, isTrialOnly: false };
  return {
    isOpening: false,
    startMs: trialStartMs,
    trialEndMs: acquiredMs,
    isTrialOnly: random.bernoulli(TRIAL_FAILURE),
  };
}

function drawLogUniform(random: Random, [low, high]: readonly [number, number]): number {
  return Math.exp(random.uniform(Math.log(low), Math.log(high)));
}

function clamp(value: number, low: number, high: number): number {
  return Math.min(high, Math.max(low, value));
}

/**
 * Expected share of customers per acquisition channel over the segment mix,
 * each segment's customers weighted by `weightOf(segment)` (1 by default):
 * with a cost per customer by segment, the expected cost per channel.
 */
export function computeChannelShares(
  weightOf: (segment: Segment) => number = () => 1,
): Record<Channel, number> {
  const shares: Record<Channel, number> = {
    organic: 0,
    paid_search: 0,
    outbound: 0,
    referral: 0,
    partner: 0,
    events: 0,
  };
  for (const [segment, segmentWeight] of SEGMENT_WEIGHTS) {
    const pairs = CHANNEL_WEIGHTS[segment];
    const total = pairs.reduce((sum, [, weight]) => sum + weight, 0);
    for (const [channel, weight] of pairs)
      shares[channel] += (segmentWeight * weightOf(segment) * weight) / total;
  }
  return shares;
}
