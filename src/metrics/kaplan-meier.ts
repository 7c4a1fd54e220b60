/**
 * The Kaplan–Meier product-limit estimator of a survival curve from
 * right-censored durations, with Greenwood's variance and the log(−log)
 * transformed pointwise confidence band (Kalbfleisch & Prentice 2002,
 * §1.4), which stays inside [0, 1]. Pure: durations in, curve out.
 */

export type SurvivalPoint = {
  /** Time of the event(s). */
  time: number;
  atRisk: number;
  events: number;
  survival: number;
  lower: number;
  upper: number;
};

export type KaplanMeierCurve = {
  points: SurvivalPoint[];
  /** First time survival falls to 0.5 or below; null while more than half survive. */
  median: number | null;
  /** The band's crossings of 0.5 (Brookmeyer & Crowley 1982). */
  medianLower: number | null;
  medianUpper: number | null;
};

/** z for a two-sided 95 % band. */
const Z_95 = 1.959963984540054;

/** `durations[i]` ended in an event when `isEvent[i]`, else it was censored then. */
export function computeKaplanMeier(
  durations: readonly number[],
  isEvent: readonly boolean[],
): KaplanMeierCurve {
  const order = durations
    .map((_, index) => index)
    .sort((a, b) => (durations[a] ?? 0) - (durations[b] ?? 0));
  let atRisk = durations.length;
  let survival = 1;
  let greenwood = 0;
  const points: SurvivalPoint[] = [];
  for (let index = 0; index < order.length;) {
    const time = durations[order[index] ?? 0] ?? 0;
    let events = 0;
    let leaving = 0;
    while (index < order.length && durations[order[index] ?? 0] === time) {
      if (isEvent[order[index] ?? 0]) events += 1;
      leaving += 1;
      index += 1;
    }
    if (events > 0) {
      survival *= 1 - events / atRisk;
      if (atRisk > events) greenwood += events / (atRisk * (atRisk - events));
      points.push({ time, atRisk, events, survival, ...computeBand(survival, greenwood) });
    }
    atRisk -= leaving;
  }
  return {
    points,
    median: points.find((point) => point.survival <= 0.5)?.time ?? null,
    medianLower: points.find((point) => point.lower <= 0.5)?.time ?? null,
    medianUpper: points.find((point) => point.upper <= 0.5)?.time ?? null,
  };
}

function computeBand(survival: number, greenwood: number): { lower: number; upper: number } {
  if (survival <= 0 || survival >= 1) return { lower: survival, upper: survival };
  const logSurvival = Math.log(survival);
  const sigma = Math.sqrt(greenwood) / Math.abs(logSurvival);
  const center = Math.log(-logSurvival);
  return {
    lower: Math.exp(-Math.exp(center + Z_95 * sigma)),
    upper: Math.exp(-Math.exp(center - Z_95 * sigma)),
  };
}
