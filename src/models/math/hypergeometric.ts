/**
 * The Gauss hypergeometric function ₂F₁(a, b; c; z) in log space, for the
 * 0 ≤ z < 1 and c > 0 the CLV models use. When c − a − b < 0 the function
 * grows like (1 − z)^(c−a−b) and overflows for large purchase counts, so it
 * is evaluated through Euler's transformation, Abramowitz & Stegun (1964)
 * eq. 15.3.3: ₂F₁(a, b; c; z) = (1 − z)^(c−a−b) · ₂F₁(c − a, c − b; c; z),
 * whose right-hand side stays bounded as z → 1. The bounded function is
 * summed as its power series (A&S 15.1.1) when every term is positive and
 * z ≤ {@link SERIES_LIMIT}, where a few dozen terms reach full precision and
 * the Pareto/NBD likelihood runs several times faster than a general
 * routine; otherwise @stdlib's hyp2f1 (a port of Cephes, with its own
 * transformations near z = 1) evaluates it.
 */
import hyp2f1 from '@stdlib/math-base-special-hyp2f1';

/** Above this z the series needs too many terms; the library's transformations take over. */
const SERIES_LIMIT = 0.75;
const MAX_TERMS = 500;

/** ln ₂F₁(a, b; c; z) for 0 ≤ z < 1, c > 0 and a positive function value. */
export function logHyp2f1(a: number, b: number, c: number, z: number): number {
  if (z === 0) return 0;
  const excess = c - a - b;
  if (excess >= 0) return Math.log(evaluateBounded(a, b, c, z));
  return excess * Math.log1p(-z) + Math.log(evaluateBounded(c - a, c - b, c, z));
}

function evaluateBounded(a: number, b: number, c: number, z: number): number {
  if (z > SERIES_LIMIT || a <= 0 || b <= 0) return hyp2f1(a, b, c, z);
  let term = 1;
  let sum = 1;
  for (let k = 0; k < MAX_TERMS; k++) {
    term *= (((a + k) * (b + k)) / ((c + k) * (k + 1))) * z;
    sum += term;
    if (term < 1e-17 * sum) return sum;
  }
  return hyp2f1(a, b, c, z);
}
