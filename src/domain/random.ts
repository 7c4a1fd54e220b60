/**
 * A small seeded pseudo-random generator (sfc32) with the few distributions
 * the demo company and the models need. Pure: no clock, no Math.random, so a
 * seed always replays the same sequence. Not for anything secret.
 */

/** A seeded stream of random numbers; every draw advances the one state. */
export interface Random {
  /** Uniform on [0, 1). */
  nextFloat(): number;
  /** Uniform on [min, max). */
  uniform(min: number, max: number): number;
  /** Uniform integer on [min, max], both ends included. */
  int(min: number, max: number): number;
  /** One element, uniformly; throws on an empty array (a bug in the caller). */
  pick<T>(items: readonly T[]): T;
  /** One value, with probability proportional to its weight. */
  weighted<T>(pairs: readonly (readonly [T, number])[]): T;
  normal(mean?: number, sd?: number): number;
  /** Gamma with shape k and scale θ (mean kθ, variance kθ²). */
  gamma(shape: number, scale?: number): number;
  poisson(lambda: number): number;
  /** Exponential with the given mean. */
  exponential(mean: number): number;
  bernoulli(p: number): boolean;
}

/** A generator for `seed`; equal seeds give equal sequences. */
export function createRandom(seed: number): Random {
  return new Sfc32Random(seed);
}

/**
 * A seed for an independent stream, e.g. `deriveSeed(seed, 'customer', 17)`,
 * so one part of a simulation can change without shifting every other part.
 */
export function deriveSeed(seed: number, ...parts: readonly (string | number)[]): number {
  let hash = mixBits(Math.trunc(seed) ^ 0x9e3779b9);
  hash = mixBits(hash ^ Math.trunc(seed / 0x1_0000_0000));
  for (const part of parts) {
    const text = typeof part === 'number' ? `#${part}` : part;
    for (let i = 0; i < text.length; i++) {
      hash = mixBits(hash ^ text.charCodeAt(i));
    }
    hash = mixBits(hash ^ 0x2f);
  }
  return hash >>> 0;
}

// MurmurHash3's 32-bit finaliser (Appleby): every input bit flips about half the output bits.
function mixBits(value: number): number {
  let h = value | 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h;
}

const TWO_POW_32 = 0x1_0000_0000;

// sfc32 (Chris Doty-Humphrey's "small fast chaotic" generator, PractRand):
// 128 bits of state, passes BigCrush, and needs only 32-bit integer operations.
class Sfc32Random implements Random {
  private a: number;
  private b: number;
  private c: number;
  private d: number;
  private spareNormal: number | undefined;

  constructor(seed: number) {
    // splitmix32 spreads one number over the four words, so seeds 1 and 2 start far apart.
    let state = Math.trunc(seed) | 0;
    const next = (): number => {
      state = (state + 0x9e3779b9) | 0;
      let z = state;
      z = Math.imul(z ^ (z >>> 16), 0x21f0aaad);
      z = Math.imul(z ^ (z >>> 15), 0x735a2d97);
      return (z ^ (z >>> 15)) | 0;
    };
    this.a = next();
    this.b = next();
    this.c = next();
    this.d = 1;
    // The first outputs of a fresh sfc32 are still correlated with the seed.
    for (let i = 0; i < 12; i++) this.nextUint32();
  }

  private nextUint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  nextFloat(): number {
    return this.nextUint32() / TWO_POW_32;
  }

  uniform(min: number, max: number): number {
    return min + (max - min) * this.nextFloat();
  }

  int(min: number, max: number): number {
    return min + Math.floor(this.nextFloat() * (max - min + 1));
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick() needs at least one item');
    return items[Math.floor(this.nextFloat() * items.length)] as T;
  }

  weighted<T>(pairs: readonly (readonly [T, number])[]): T {
    let total = 0;
    for (const [, weight] of pairs) total += weight;
    if (!(total > 0)) throw new Error('weighted() needs a positive total weight');
    let remaining = this.nextFloat() * total;
    for (const [value, weight] of pairs) {
      remaining -= weight;
      if (remaining < 0) return value;
    }
    // Rounding can leave a sliver of weight unspent: it belongs to the last positive pair.
    for (let i = pairs.length - 1; i >= 0; i--) {
      const pair = pairs[i];
      if (pair && pair[1] > 0) return pair[0];
    }
    throw new Error('unreachable: weighted() found no positive weight');
  }

  // Marsaglia's polar method; the second deviate of each pair is kept for the next call.
  normal(mean = 0, sd = 1): number {
    const spare = this.spareNormal;
    if (spare !== undefined) {
      this.spareNormal = undefined;
      return mean + sd * spare;
    }
    let u: number;
    let v: number;
    let s: number;
    do {
      u = 2 * this.nextFloat() - 1;
      v = 2 * this.nextFloat() - 1;
      s = u * u + v * v;
    } while (s >= 1 || s === 0);
    const factor = Math.sqrt((-2 * Math.log(s)) / s);
    this.spareNormal = v * factor;
    return mean + sd * u * factor;
  }

  // Marsaglia & Tsang (2000), "A simple method for generating gamma variables", with
  // their boost for shape < 1: Gamma(k) = Gamma(k + 1) · U^(1/k).
  gamma(shape: number, scale = 1): number {
    if (!(shape > 0) || !(scale > 0)) throw new Error('gamma() needs a positive shape and scale');
    if (shape < 1) {
      const u = 1 - this.nextFloat();
      return this.gamma(shape + 1, scale) * Math.pow(u, 1 / shape);
    }
    const d = shape - 1 / 3;
    const c = 1 / Math.sqrt(9 * d);
    for (;;) {
      const x = this.normal();
      const base = 1 + c * x;
      if (base <= 0) continue;
      const v = base * base * base;
      const u = 1 - this.nextFloat();
      if (u < 1 - 0.0331 * x * x * x * x) return d * v * scale;
      if (Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v * scale;
    }
  }

  poisson(lambda: number): number {
    if (!(lambda >= 0)) throw new Error('poisson() needs a non-negative rate');
    if (lambda === 0) return 0;
    return lambda < 30 ? this.poissonByProducts(lambda) : this.poissonByRejection(lambda);
  }

  // Knuth (TAOCP vol. 2, 3.4.1): multiply uniforms until the product drops below e^-λ.
  private poissonByProducts(lambda: number): number {
    const limit = Math.exp(-lambda);
    let count = -1;
    let product = 1;
    do {
      count++;
      product *= this.nextFloat();
    } while (product > limit);
    return count;
  }

  // Hörmann (1993), "The transformed rejection method for generating Poisson random
  // variables" (PTRS), constants as in the paper; exact for every λ ≥ 10.
  private poissonByRejection(lambda: number): number {
    const sqrtLambda = Math.sqrt(lambda);
    const logLambda = Math.log(lambda);
    const b = 0.931 + 2.53 * sqrtLambda;
    const a = -0.059 + 0.02483 * b;
    const invAlpha = 1.1239 + 1.1328 / (b - 3.4);
    const vr = 0.9277 - 3.6224 / (b - 2);
    for (;;) {
      const u = this.nextFloat() - 0.5;
      const v = this.nextFloat();
      const us = 0.5 - Math.abs(u);
      const k = Math.floor(((2 * a) / us + b) * u + lambda + 0.43);
      if (us >= 0.07 && v <= vr) return k;
      if (k < 0 || (us < 0.013 && v > us)) continue;
      const accept =
        Math.log(v) + Math.log(invAlpha) - Math.log(a / (us * us) + b) <=
        -lambda + k * logLambda - logGamma(k + 1);
      if (accept) return k;
    }
  }

  exponential(mean: number): number {
    return -mean * Math.log(1 - this.nextFloat());
  }

  bernoulli(p: number): boolean {
    return this.nextFloat() < p;
  }
}

const LANCZOS_G = 7;
const LANCZOS_COEFFICIENTS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
  -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
  1.5056327351493116e-7,
];

// ln Γ(x) for x ≥ 0.5 by the Lanczos approximation (g = 7, n = 9; Numerical Recipes §6.1),
// accurate to about 15 digits, which is all PTRS's acceptance test needs.
function logGamma(x: number): number {
  const z = x - 1;
  let sum = LANCZOS_COEFFICIENTS[0] ?? 1;
  for (let i = 1; i < LANCZOS_COEFFICIENTS.length; i++) {
    sum += (LANCZOS_COEFFICIENTS[i] ?? 0) / (z + i);
  }
  const t = z + LANCZOS_G + 0.5;
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}
