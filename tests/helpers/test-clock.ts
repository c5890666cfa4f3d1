/**
 * Every test's "now": the hosts, CLI runs and cores the tests open read it through the core's clock
 * seam (`ZONGZHI_CLOCK`, main/core/clock.ts), the browser through Playwright's clock. It starts at a
 * fixed instant so the suite does not change with the calendar; set ZONGZHI_CLOCK to run the suite at
 * another moment (a year's last minute, a month's first day) — see the README.
 */
import { CLOCK_ENV, clockFromEnv } from '../../main/core/clock';
import { shanghaiDateIso } from '../../shared/dates';

export const DEFAULT_TEST_CLOCK = '2026-11-25T10:00:00+08:00';

/** Sets the variable for this process and its children unless the caller chose an instant. */
export function ensureTestClockEnv(): string {
  process.env[CLOCK_ENV] ||= DEFAULT_TEST_CLOCK;
  return process.env[CLOCK_ENV];
}

/** Now on the test clock: the same clock the cores opened in this process run on. */
export function testNow(): Date {
  ensureTestClockEnv();
  return clockFromEnv().now();
}

/** Today in Shanghai on the test clock, YYYY-MM-DD. */
export function testToday(): string {
  return shanghaiDateIso(testNow());
}

/** The month before `at` in Shanghai as a form's title writes it: `2026年11月`. */
export function lastMonthZh(at: Date): string {
  const [y, m] = shanghaiDateIso(at).split('-').map(Number) as [number, number];
  return m === 1 ? `${y - 1}年12月` : `${y}年${m - 1}月`;
}
