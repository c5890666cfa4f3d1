const MINUTE = 60_000;

/** How long to wait after the n-th failure in a row: 1, 2, 4 … minutes up to an hour, ±20% jitter
 * so that many townships cut off together do not all call back at the same moment. */
export function backoffMs(failures: number, random: () => number = Math.random): number {
  const base = Math.min(60 * MINUTE, MINUTE * 2 ** Math.max(0, failures - 1));
  return Math.round(base * (0.8 + 0.4 * random()));
}
