/** Injected time source, so tests can move the calendar. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export function isoNow(clock: Clock): string {
  return clock.now().toISOString();
}

/**
 * The environment variable that starts the core's clock at a given instant (ISO 8601 with an offset,
 * e.g. `2026-12-31T23:59:00+08:00`). Tests set it so that the host, the CLI and seed-demo they start
 * agree on "today" whatever the machine's date; unset, the app reads the machine's clock.
 */
export const CLOCK_ENV = 'ZONGZHI_CLOCK';

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

/** A clock that starts at `start` and then runs at the machine's pace (timers and ordering still work). */
export function clockStartingAt(start: Date, realNow: () => number = Date.now): Clock {
  const offset = start.getTime() - realNow();
  return { now: () => new Date(realNow() + offset) };
}

const started = new Map<string, Clock>();

/**
 * The clock `CLOCK_ENV` asks for, else the system clock; a malformed value is refused, not ignored.
 * One clock per value and process: a core reopened in the same process goes on from where it was.
 */
export function clockFromEnv(env: NodeJS.ProcessEnv = process.env): Clock {
  const raw = env[CLOCK_ENV]?.trim();
  if (!raw) return systemClock;
  const at = new Date(raw);
  if (!ISO_INSTANT.test(raw) || Number.isNaN(at.getTime())) {
    throw new Error(`环境变量 ${CLOCK_ENV} 的值「${raw}」不是带时区的时刻，例如 2026-12-31T23:59:00+08:00`);
  }
  let clock = started.get(raw);
  if (!clock) started.set(raw, (clock = clockStartingAt(at)));
  return clock;
}
