/**
 * How well a score ranks churners above stayers: ROC AUC (the
 * Mann–Whitney statistic, ties counting half), precision among the top
 * 10 % by score, and the lift of that precision over the base rate.
 */
export type RankingMetrics = {
  roc_auc: number | null;
  precision_at_10: number | null;
  lift_at_10: number | null;
};

const TOP_SHARE = 0.1;

/** `scores`: higher means riskier. */
export function computeRankingMetrics(
  scores: ArrayLike<number>,
  labels: ArrayLike<number>,
): RankingMetrics {
  const n = labels.length;
  const order = Array.from({ length: n }, (_, i) => i).sort(
    (a, b) => (scores[a] ?? 0) - (scores[b] ?? 0) || a - b,
  );
  let positives = 0;
  let rankSum = 0;
  for (let start = 0; start < n;) {
    let end = start;
    while (end + 1 < n && scores[order[end + 1] ?? 0] === scores[order[start] ?? 0]) end++;
    const averageRank = (start + end) / 2 + 1;
    for (let k = start; k <= end; k++) {
      if (labels[order[k] ?? 0] === 1) {
        positives++;
        rankSum += averageRank;
      }
    }
    start = end + 1;
  }
  const negatives = n - positives;
  const rocAuc =
    positives === 0 || negatives === 0
      ? null
      : (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
  const top = Math.ceil(n * TOP_SHARE);
  if (n === 0 || top === 0) return { roc_auc: rocAuc, precision_at_10: null, lift_at_10: null };
  // Highest scores first; among equal scores the earlier row, so the cut is deterministic.
  const ranked = order
    .slice()
    .reverse()
    .sort((a, b) => (scores[b] ?? 0) - (scores[a] ?? 0) || a - b);
  const hits = ranked.slice(0, top).filter((i) => labels[i] === 1).length;
  const precision = hits / top;
  const baseRate = positives / n;
  return {
    roc_auc: rocAuc,
    precision_at_10: precision,
    lift_at_10: baseRate === 0 ? null : precision / baseRate,
  };
}
