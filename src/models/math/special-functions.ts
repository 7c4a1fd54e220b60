/**
 * The special functions the CLV models need, from @stdlib (Cephes-derived,
 * maintained) where it has them, plus the log-space sums that keep
 * likelihoods finite when counts and ages are large.
 */
import digammaOf from '@stdlib/math-base-special-digamma';
import gammaln from '@stdlib/math-base-special-gammaln';

/** ln Γ(x). */
export const logGamma: (x: number) => number = gammaln;

/** ψ(x) = d ln Γ(x) / dx. */
export const digamma: (x: number) => number = digammaOf;

/** ln B(a, b) = ln Γ(a) + ln Γ(b) − ln Γ(a + b). */
export function logBeta(a: number, b: number): number {
  return gammaln(a) + gammaln(b) - gammaln(a + b);
}

/** ln(eᵘ + eᵛ) without overflow; −∞ terms drop out. */
export function logAddExp(u: number, v: number): number {
  if (u === -Infinity) return v;
  if (v === -Infinity) return u;
  const high = u > v ? u : v;
  return high + Math.log1p(Math.exp(-Math.abs(u - v)));
}

/**
 * ln(eᵘ − eᵛ) for u ≥ v; −∞ when the two are equal (or rounding put v above u),
 * because the difference of two probabilities cannot be negative.
 */
export function logSubExp(u: number, v: number): number {
  if (v === -Infinity) return u;
  if (!(u > v)) return -Infinity;
  const d = v - u;
  // log(1 − e^d): log1p(−e^d) loses digits as d → 0, log(−expm1(d)) as d → −∞ (Mächler 2012).
  return u + (d > -Math.LN2 ? Math.log(-Math.expm1(d)) : Math.log1p(-Math.exp(d)));
}
