import type { Clock } from '../clock';
import type { CoreDeps } from '../context';
import type { BundleLimits } from './build';
import type { FetchLike } from './county-client';
import { readSyncState } from './state';
import { pushOnce, type PushResult } from './uploader';

/** setTimeout/clearTimeout, injectable so tests drive the schedule themselves. */
export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const systemTimers: Timers = {
  setTimeout: (fn, ms) => {
    const t = setTimeout(fn, ms);
    t.unref?.(); // a pending pass never keeps a CLI or test process alive
    return t;
  },
  clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

/** setTimeout's ceiling (about 24.8 days); longer waits are re-armed. */
const MAX_TIMER_MS = 2 ** 31 - 1;

export interface SchedulerOptions {
  /** The desktop app passes Electron's fetch (system proxy). */
  fetch?: FetchLike;
  timers?: Timers;
  limits?: BundleLimits;
  random?: () => number;
  timeoutMs?: number;
  /** Where a failed pass is reported (a host prints it); the status shows it either way. */
  log?: (message: string) => void;
  /** After every pass (the CLI prints each one). */
  onPass?: (info: PassInfo) => void;
}

export interface PassInfo {
  at: string;
  /** Why the pass did not finish (Chinese), or null. */
  error: string | null;
  result: PushResult | null;
}

export interface SyncScheduler {
  /** Starts the schedule: a pass now, then every interval and after each back-off. */
  start(): void;
  /** 立即上报: a pass as soon as possible, ignoring the back-off; returns at once. False when not started. */
  requestPass(): boolean;
  /** The interval or the county changed: plan the next pass again. */
  reschedule(): void;
  /** No further passes; resolves when a pass in progress has finished. */
  stop(): Promise<void>;
  running(): boolean;
  /** When the next pass will start (ISO), or null when none is planned. */
  nextPassAt(): string | null;
  lastPass(): PassInfo | null;
  /** Resolves when no pass is running or requested (tests). */
  idle(): Promise<void>;
}

/** Not configured yet: the scheduler waits quietly instead of counting failures. */
export function notConfigured(deps: Pick<CoreDeps, 'conn' | 'keys'>): string | null {
  if (!readSyncState(deps.conn.db).countyUrl) return '尚未设置县级服务器地址';
  if (!deps.keys.countyKey()) return '尚未导入县综治中心的公钥';
  return null;
}

/**
 * Runs the uploader on a schedule: once at start, every `intervalMinutes` (stored in sync_state),
 * at the back-off's next attempt after a failure, and on request. One pass at a time; a request
 * during a pass runs another pass right after it, so nothing entered before the click is left out.
 */
export function createSyncScheduler(
  deps: Pick<CoreDeps, 'conn' | 'clock' | 'keys' | 'pii'>,
  opts: SchedulerOptions = {},
): SyncScheduler {
  const timers = opts.timers ?? systemTimers;
  const clock: Clock = deps.clock;
  let started = false;
  let stopped = false;
  let timer: unknown = null;
  let dueAt: number | null = null;
  /** The armed timer is a pass asked for now (start, 立即上报), not a planned one. */
  let immediate = false;
  let current: Promise<void> | null = null;
  /** A pass is wanted after the current one; `forced` if any request came from 立即上报. */
  let queued: { forced: boolean } | null = null;
  let last: PassInfo | null = null;
  let idleWaiters: (() => void)[] = [];

  function clearTimer() {
    if (timer !== null) timers.clearTimeout(timer);
    timer = null;
    dueAt = null;
    immediate = false;
  }

  function arm(at: number) {
    clearTimer();
    dueAt = at;
    const wait = Math.max(0, at - clock.now().getTime());
    timer = timers.setTimeout(
      () => {
        timer = null;
        if (dueAt !== null && clock.now().getTime() < dueAt) return arm(dueAt); // woke early (long wait)
        dueAt = null;
        trigger(false);
      },
      Math.min(wait, MAX_TIMER_MS),
    );
  }

  /** The next timed pass: the back-off's next attempt if one is set, else one interval from now. */
  function planNext() {
    if (!started || stopped) return;
    const state = readSyncState(deps.conn.db);
    if (state.haltedAt) return clearTimer(); // refused for good: only 立即上报 goes on
    const now = clock.now().getTime();
    const interval = now + state.intervalMinutes * 60_000;
    const backoff = state.nextAttemptAt ? Date.parse(state.nextAttemptAt) : null;
    arm(backoff !== null && !Number.isNaN(backoff) ? Math.max(now, backoff) : interval);
  }

  async function pass(forced: boolean): Promise<void> {
    const at = clock.now().toISOString();
    const missing = notConfigured(deps);
    if (missing) {
      last = { at, error: missing, result: null };
      return;
    }
    try {
      const result = await pushOnce(deps, {
        force: forced,
        fetch: opts.fetch,
        limits: opts.limits,
        random: opts.random,
        timeoutMs: opts.timeoutMs,
      });
      last = { at, error: result.error, result };
      if (result.error) opts.log?.(`上报未完成：${result.error}`);
    } catch (err) {
      if (stopped) return; // the database may be closed under a pass cut off by shutdown
      const error = err instanceof Error ? err.message : String(err);
      last = { at, error, result: null };
      opts.log?.(`上报出错：${error}`);
    }
  }

  function trigger(forced: boolean) {
    if (stopped) return;
    if (current) {
      queued = { forced: forced || (queued?.forced ?? false) };
      return;
    }
    clearTimer();
    current = pass(forced).finally(() => {
      current = null;
      if (last && !stopped) opts.onPass?.(last);
      if (stopped) return settle();
      const next = queued;
      queued = null;
      if (next) return trigger(next.forced);
      try {
        planNext();
      } catch (err) {
        opts.log?.(`无法安排下次上报：${err instanceof Error ? err.message : String(err)}`);
      }
      settle();
    });
  }

  function settle() {
    if (current) return;
    const waiters = idleWaiters;
    idleWaiters = [];
    for (const w of waiters) w();
  }

  /** Off the caller's stack: a handler asks from inside its transaction, the pass runs after it commits. */
  function soon(forced: boolean) {
    clearTimer();
    dueAt = clock.now().getTime();
    immediate = true;
    timer = timers.setTimeout(() => {
      timer = null;
      dueAt = null;
      immediate = false;
      trigger(forced);
    }, 0);
  }

  return {
    start() {
      if (started || stopped) return;
      started = true;
      soon(false);
    },
    requestPass() {
      if (!started || stopped) return false;
      if (current) queued = { forced: true };
      else soon(true);
      return true;
    },
    reschedule() {
      if (!started || stopped || current || immediate) return;
      planNext();
    },
    async stop() {
      stopped = true;
      clearTimer();
      queued = null;
      if (current) await current;
      settle();
    },
    running: () => current !== null || queued !== null || immediate,
    nextPassAt: () => (dueAt === null ? null : new Date(dueAt).toISOString()),
    lastPass: () => last,
    idle() {
      if (!current && !queued && !immediate) return Promise.resolve();
      return new Promise((resolve) => idleWaiters.push(resolve));
    },
  };
}
