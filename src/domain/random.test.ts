import { describe, expect, it } from 'vitest';
import { createRandom, deriveSeed, type Random } from './random.js';

const DRAWS = 200_000;

function sampleMoments(draw: () => number, n = DRAWS): { mean: number; variance: number } {
  let sum = 0;
  let sumSquares = 0;
  for (let i = 0; i < n; i++) {
    const x = draw();
    sum += x;
    sumSquares += x * x;
  }
  const mean = sum / n;
  return { mean, variance: sumSquares / n - mean * mean };
}

function firstFloats(random: Random, n: number): number[] {
  return Array.from({ length: n }, () => random.nextFloat());
}

describe('createRandom', () => {
  it('replays the same sequence for the same seed', () => {
    expect(firstFloats(createRandom(42), 50)).toEqual(firstFloats(createRandom(42), 50));
  });

  it('gives different sequences for neighbouring seeds', () => {
    expect(firstFloats(createRandom(1), 5)).not.toEqual(firstFloats(createRandom(2), 5));
  });

  it('draws floats in [0, 1) with mean 1/2 and variance 1/12', () => {
    const random = createRandom(7);
    let outside = 0;
    const { mean, variance } = sampleMoments(() => {
      const x = random.nextFloat();
      if (x < 0 || x >= 1) outside++;
      return x;
    });
    expect(outside).toBe(0);
    expect(mean).toBeCloseTo(0.5, 2);
    expect(variance).toBeCloseTo(1 / 12, 2);
  });

  it('draws integers with both bounds included and nothing outside them', () => {
    const random = createRandom(3);
    const counts = new Map<number, number>();
    for (let i = 0; i < 60_000; i++) {
      const k = random.int(-2, 3);
      counts.set(k, (counts.get(k) ?? 0) + 1);
    }
    expect([...counts.keys()].sort((a, b) => a - b)).toEqual([-2, -1, 0, 1, 2, 3]);
    for (const count of counts.values()) expect(count / 60_000).toBeCloseTo(1 / 6, 1);
  });

  it('picks every element of an array and refuses an empty one', () => {
    const random = createRandom(5);
    const seen = new Set<string>();
    for (let i = 0; i < 1_000; i++) seen.add(random.pick(['a', 'b', 'c']));
    expect(seen).toEqual(new Set(['a', 'b', 'c']));
    expect(() => random.pick([])).toThrow();
  });

  it('picks weighted values in proportion to their weights and never a zero weight', () => {
    const random = createRandom(11);
    const counts = { low: 0, high: 0, never: 0 };
    const pairs = [
      ['low', 1],
      ['never', 0],
      ['high', 3],
    ] as const;
    for (let i = 0; i < 80_000; i++) counts[random.weighted(pairs)]++;
    expect(counts.never).toBe(0);
    expect(counts.high / 80_000).toBeCloseTo(0.75, 2);
  });

  it('draws normals with the requested mean and standard deviation', () => {
    const random = createRandom(13);
    const { mean, variance } = sampleMoments(() => random.normal(10, 2));
    expect(mean).toBeCloseTo(10, 1);
    expect(Math.sqrt(variance)).toBeCloseTo(2, 1);
  });

  it('draws gammas with mean kθ and variance kθ², also for shape below 1', () => {
    const random = createRandom(17);
    for (const [shape, scale] of [
      [0.5, 2],
      [3, 1.5],
    ] as const) {
      const { mean, variance } = sampleMoments(() => random.gamma(shape, scale));
      expect(mean / (shape * scale)).toBeCloseTo(1, 1);
      expect(variance / (shape * scale * scale)).toBeCloseTo(1, 1);
    }
  });

  it('draws Poisson counts with mean and variance λ on both sides of the method switch', () => {
    const random = createRandom(19);
    for (const lambda of [0.7, 4, 45, 400]) {
      const { mean, variance } = sampleMoments(() => random.poisson(lambda), 100_000);
      expect(mean / lambda).toBeCloseTo(1, 1);
      expect(variance / lambda).toBeCloseTo(1, 1);
    }
    expect(random.poisson(0)).toBe(0);
  });

  it('draws exponentials with the requested mean', () => {
    const random = createRandom(23);
    expect(sampleMoments(() => random.exponential(3)).mean).toBeCloseTo(3, 1);
  });

  it('draws Bernoulli trials that succeed with probability p', () => {
    const random = createRandom(29);
    const { mean } = sampleMoments(() => (random.bernoulli(0.3) ? 1 : 0));
    expect(mean).toBeCloseTo(0.3, 2);
  });
});

describe('deriveSeed', () => {
  it('is a pure function of the seed and the parts', () => {
    expect(deriveSeed(1, 'customer', 17)).toBe(deriveSeed(1, 'customer', 17));
  });

  it('separates streams that differ in any part, including the string/number boundary', () => {
    const seeds = new Set([
      deriveSeed(1, 'customer', 1),
      deriveSeed(1, 'customer', 2),
      deriveSeed(2, 'customer', 1),
      deriveSeed(1, 'rep', 1),
      deriveSeed(1, 'customer1'),
      deriveSeed(1, 'customer', '1'),
    ]);
    expect(seeds.size).toBe(6);
  });
});
