import { describe, expect, it } from 'vitest';
import { createPrincipalCache } from './principal-cache.js';

describe('createPrincipalCache', () => {
  it('shares one lookup between concurrent callers and remembers it for the time to live', async () => {
    const cache = createPrincipalCache(1_000);
    let lookups = 0;
    const lookup = () => Promise.resolve(++lookups);
    const answers = await Promise.all([
      cache.remember('token:a', 0, lookup),
      cache.remember('token:a', 10, lookup),
      cache.remember('token:b', 10, lookup),
    ]);
    expect(answers).toEqual([1, 1, 2]);
    expect(await cache.remember('token:a', 999, lookup)).toBe(1);
    // At the end of its time to live the answer is looked up again.
    expect(await cache.remember('token:a', 1_000, lookup)).toBe(3);
  });

  it('forgets everything on clear (sign-out, a user removed), and never keeps a failed lookup', async () => {
    const cache = createPrincipalCache(1_000);
    await cache.remember('session:s', 0, () => Promise.resolve('ana'));
    cache.clear();
    expect(await cache.remember('session:s', 1, () => Promise.resolve(undefined))).toBeUndefined();
    await expect(
      cache.remember('token:x', 2, () => Promise.reject(new Error('store down'))),
    ).rejects.toThrow('store down');
    expect(await cache.remember('token:x', 3, () => Promise.resolve('bo'))).toBe('bo');
  });
});
