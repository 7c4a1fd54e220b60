/**
 * Draws customer histories from the models' own generative stories with the
 * seeded generator, for checking that a fit recovers known parameters and
 * for the benchmarks. Ages T are uniform between `minAge` and `maxAge`
 * (customers acquired over a window and observed to one date).
 */
import { createRandom, type Random } from '../../domain/random.js';
import type { BgNbdParams } from './bg-nbd.js';
import type { PurchaseHistory } from './customer-summary.js';
import type { GammaGammaParams } from './gamma-gamma.js';
import type { ParetoNbdParams } from './pareto-nbd.js';

export type SimulationOptions = { customers: number; minAge: number; maxAge: number; seed: number };

/**
 * BG/NBD (FHL 2005, §3): λ ~ Gamma(r, rate α), p ~ Beta(a, b); purchases
 * arrive at rate λ and after each repeat purchase the customer drops out
 * with probability p.
 */
export function simulateBgNbd(params: BgNbdParams, options: SimulationOptions): PurchaseHistory {
  return simulate(options, (random, T) => {
    const lambda = random.gamma(params.r, 1 / params.alpha);
    const p = drawBeta(random, params.a, params.b);
    let t = 0;
    let x = 0;
    let tx = 0;
    for (;;) {
      t += random.exponential(1 / lambda);
      if (t > T) break;
      x += 1;
      tx = t;
      if (random.nextFloat() < p) break;
    }
    return [x, tx];
  });
}

/** Pareto/NBD (SMC 1987): λ ~ Gamma(r, rate α), μ ~ Gamma(s, rate β), lifetime ~ Exp(μ). */
export function simulateParetoNbd(
  params: ParetoNbdParams,
  options: SimulationOptions,
): PurchaseHistory {
  return simulate(options, (random, T) => {
    const lambda = random.gamma(params.r, 1 / params.alpha);
    const mu = random.gamma(params.s, 1 / params.beta);
    const end = Math.min(T, random.exponential(1 / mu));
    let t = 0;
    let x = 0;
    let tx = 0;
    for (;;) {
      t += random.exponential(1 / lambda);
      if (t > end) break;
      x += 1;
      tx = t;
    }
    return [x, tx];
  });
}

/**
 * Gamma-Gamma spend (FHL 2005b): ν ~ Gamma(q, rate v) per customer and each
 * transaction ~ Gamma(p, rate ν), so the sum of x of them is Gamma(px, rate ν)
 * and one draw gives the customer's mean m_x.
 */
export function simulateGammaGammaSpend(
  params: GammaGammaParams,
  frequency: Float64Array,
  seed: number,
): Float64Array {
  const random = createRandom(seed);
  const monetaryValue = new Float64Array(frequency.length);
  for (let i = 0; i < frequency.length; i++) {
    const x = frequency[i] ?? 0;
    if (x === 0) continue;
    const nu = random.gamma(params.q, 1 / params.v);
    monetaryValue[i] = random.gamma(params.p * x, 1 / nu) / x;
  }
  return monetaryValue;
}

function simulate(
  options: SimulationOptions,
  drawCustomer: (random: Random, T: number) => [number, number],
): PurchaseHistory {
  const random = createRandom(options.seed);
  const frequency = new Float64Array(options.customers);
  const recency = new Float64Array(options.customers);
  const T = new Float64Array(options.customers);
  for (let i = 0; i < options.customers; i++) {
    const age = random.uniform(options.minAge, options.maxAge);
    const [x, tx] = drawCustomer(random, age);
    frequency[i] = x;
    recency[i] = tx;
    T[i] = age;
  }
  return { frequency, recency, T };
}

// Beta(a, b) as G₁/(G₁ + G₂) with G₁ ~ Gamma(a), G₂ ~ Gamma(b).
function drawBeta(random: Random, a: number, b: number): number {
  const g1 = random.gamma(a);
  return g1 / (g1 + random.gamma(b));
}
