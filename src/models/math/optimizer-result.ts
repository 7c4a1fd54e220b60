/** What every minimiser returns: where it stopped, the value there, and whether it met its tolerance. */
export type MinimizeResult = {
  x: Float64Array;
  value: number;
  iterations: number;
  evaluations: number;
  isConverged: boolean;
};
