/**
 * CLV model fits at scale: 1,000,000 customers simulated with the seeded
 * generator (seed 1) from the CDNOW BG/NBD parameters of Fader, Hardie &
 * Lee (2005), ages uniform over 52–104 weeks; BG/NBD is fitted on all of
 * them. Gamma-Gamma is fitted on 1,000,000 spenders too: their frequencies
 * are the simulated ones raised to at least 1 (about half the customers never
 * buy again), with spend drawn from the Gamma-Gamma parameters of the same
 * papers. Each fit is timed as the median of three after a warm-up.
 */
import { fitBgNbd } from '../src/models/clv/bg-nbd.js';
import { fitGammaGamma, selectRepeatBuyers } from '../src/models/clv/gamma-gamma.js';
import { simulateBgNbd, simulateGammaGammaSpend } from '../src/models/clv/simulate-purchases.js';
import { medianSeconds, timeOnce, type Measurement } from './bench-kit.js';

const CUSTOMERS = 1_000_000;
const SEED = 1;
const RUNS = 3;
const BG_NBD = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
const GAMMA_GAMMA = { p: 6.25, q: 3.74, v: 15.44 };

export async function runClvWorkload(): Promise<Measurement[]> {
  let history = simulateBgNbd(BG_NBD, { customers: 1, minAge: 52, maxAge: 104, seed: SEED });
  const simulation = await timeOnce(() => {
    history = simulateBgNbd(BG_NBD, { customers: CUSTOMERS, minAge: 52, maxAge: 104, seed: SEED });
    return Promise.resolve();
  });
  const spenders = history.frequency.map((x) => Math.max(x, 1));
  const spend = selectRepeatBuyers(spenders, simulateGammaGammaSpend(GAMMA_GAMMA, spenders, SEED));
  let bgNbd = fitBgNbd(history);
  let gammaGamma = fitGammaGamma(spend);
  const bgNbdSeconds = await medianSeconds(RUNS, () =>
    Promise.resolve((bgNbd = fitBgNbd(history))),
  );
  const gammaGammaSeconds = await medianSeconds(RUNS, () =>
    Promise.resolve((gammaGamma = fitGammaGamma(spend))),
  );
  const n = `${CUSTOMERS.toLocaleString('en-US')} simulated customers`;
  const show = (params: Record<string, number>) =>
    Object.entries(params)
      .map(([name, value]) => `${name}=${value.toFixed(3)}`)
      .join(' ');
  return [
    { workload: 'clv: simulate BG/NBD purchases', n, seconds: simulation },
    {
      workload: 'clv: fit BG/NBD',
      n,
      seconds: bgNbdSeconds,
      note: `${show(bgNbd.params)} (true ${show(BG_NBD)})`,
    },
    {
      workload: 'clv: fit Gamma-Gamma',
      n: `${spend.frequency.length.toLocaleString('en-US')} spenders`,
      seconds: gammaGammaSeconds,
      note: `${show(gammaGamma.params)} (true ${show(GAMMA_GAMMA)})`,
    },
  ];
}
