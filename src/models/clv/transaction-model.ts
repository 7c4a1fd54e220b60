/**
 * The two purchase-count models behind one small interface, so predictions
 * and model checks are written once: fit either, then ask for expected
 * purchases (new or conditional on history) and P(alive).
 */
import {
  bgNbdConditionalExpectedPurchases,
  bgNbdExpectedPurchases,
  bgNbdProbabilityAlive,
  fitBgNbd,
  type BgNbdParams,
} from './bg-nbd.js';
import type { PurchaseHistory } from './customer-summary.js';
import type { FitOptions } from './log-parameters.js';
import {
  fitParetoNbd,
  paretoNbdConditionalExpectedPurchases,
  paretoNbdExpectedPurchases,
  paretoNbdProbabilityAlive,
  type ParetoNbdParams,
} from './pareto-nbd.js';

export type TransactionModelName = 'bgnbd' | 'pareto-nbd';

export type TransactionModel =
  | { name: 'bgnbd'; params: BgNbdParams; logLikelihood: number; customers: number }
  | { name: 'pareto-nbd'; params: ParetoNbdParams; logLikelihood: number; customers: number };

export function fitTransactionModel(
  name: TransactionModelName,
  history: PurchaseHistory,
  options: FitOptions = {},
): TransactionModel {
  return name === 'bgnbd'
    ? { name, ...fitBgNbd(history, options) }
    : { name, ...fitParetoNbd(history, options) };
}

/** Expected repeat purchases in (0, t] of a customer just acquired. */
export function expectedPurchases(model: TransactionModel, t: number): number {
  return model.name === 'bgnbd'
    ? bgNbdExpectedPurchases(model.params, t)
    : paretoNbdExpectedPurchases(model.params, t);
}

/** Expected repeat purchases in (T, T+t] of a customer with history (x, t_x, T). */
export function conditionalExpectedPurchases(
  model: TransactionModel,
  t: number,
  x: number,
  tx: number,
  T: number,
): number {
  return model.name === 'bgnbd'
    ? bgNbdConditionalExpectedPurchases(model.params, t, x, tx, T)
    : paretoNbdConditionalExpectedPurchases(model.params, t, x, tx, T);
}

export function probabilityAlive(
  model: TransactionModel,
  x: number,
  tx: number,
  T: number,
): number {
  return model.name === 'bgnbd'
    ? bgNbdProbabilityAlive(model.params, x, tx, T)
    : paretoNbdProbabilityAlive(model.params, x, tx, T);
}
