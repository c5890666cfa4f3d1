/**
 * The resilience suites run short in the ordinary `npx vitest run`; `ZONGZHI_RESILIENCE_LONG=1`
 * runs their long variants, which print their figures. Work is bounded by counts, never by the
 * clock, except the load run's long variant, which runs for a fixed span by design.
 */
export const LONG = process.env.ZONGZHI_RESILIENCE_LONG === '1';

/** The short variant's value, or the long one's. */
export const scale = <T>(short: T, long: T): T => (LONG ? long : short);

/** Per-test timeout: generous, since a 3× slower machine must pass too; nothing asserts time. */
export const TIMEOUT = scale(10 * 60_000, 60 * 60_000);

/** One line of figures per suite, e.g. `[韧性·断电] kills=5 lost=0`. */
export function printFigures(suite: string, figures: Record<string, string | number>): void {
  const text = Object.entries(figures)
    .map(([k, v]) => `${k}=${v}`)
    .join(' ');
  console.log(`[韧性·${suite}${LONG ? '·长' : ''}] ${text}`);
}

/** A small seeded generator (mulberry32), so a failing run can be repeated with its seed. */
export function seeded(seed: number) {
  let s = seed >>> 0;
  const next = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  return { next, int, pick };
}

/** The seed of this run: `ZONGZHI_RESILIENCE_SEED` to repeat one, else a fresh one (printed). */
export function runSeed(): number {
  const given = Number(process.env.ZONGZHI_RESILIENCE_SEED);
  return Number.isInteger(given) && given > 0 ? given : Math.floor(Math.random() * 2 ** 31) + 1;
}

/** Peak resident memory of this process so far, in MB (the kernel's high-water mark). */
export const peakRssMb = () => Math.round(process.resourceUsage().maxRSS / 1024);
export const rssMb = () => Math.round(process.memoryUsage().rss / (1024 * 1024));
