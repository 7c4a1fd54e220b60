/**
 * Collapses customers with identical (x, t_x, T) into one weighted row, as
 * Fader & Hardie do in their spreadsheets: with daily or weekly data most
 * one-time buyers share a T, so a likelihood without a cheap gradient
 * (Pareto/NBD) is evaluated on far fewer rows.
 */
import type { PurchaseHistory } from './customer-summary.js';

/** The distinct histories of `history` with summed weights; times multiplied by `scale`. */
export function groupIdenticalHistories(history: PurchaseHistory, scale = 1): PurchaseHistory {
  const { frequency, recency, T, weights } = history;
  const rows = new Map<string, number>();
  const frequencyOut: number[] = [];
  const recencyOut: number[] = [];
  const ageOut: number[] = [];
  const weightOut: number[] = [];
  for (let i = 0; i < frequency.length; i++) {
    const key = `${frequency[i]}|${recency[i]}|${T[i]}`;
    const w = weights ? (weights[i] ?? 0) : 1;
    const index = rows.get(key);
    if (index === undefined) {
      rows.set(key, frequencyOut.length);
      frequencyOut.push(frequency[i] ?? 0);
      recencyOut.push((recency[i] ?? 0) * scale);
      ageOut.push((T[i] ?? 0) * scale);
      weightOut.push(w);
    } else {
      weightOut[index] = (weightOut[index] ?? 0) + w;
    }
  }
  return {
    frequency: Float64Array.from(frequencyOut),
    recency: Float64Array.from(recencyOut),
    T: Float64Array.from(ageOut),
    weights: Float64Array.from(weightOut),
  };
}
