import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openCore, type Core, type CoreOptions } from '../../main/core/app';
import type { Clock } from '../../main/core/clock';
import type { SchedulerOptions } from '../../main/core/sync/scheduler';
import type { RpcResult } from '../../shared/errors';

export function tempDir(prefix = 'zongzhi-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export const TOWNSHIP = '140621100'; // 山西省朔州市山阴县玉井镇, 18 村
export const PASSWORD = 'secret123';

export interface TestCore {
  core: Core;
  dataDir: string;
  /** Calls a method with the given session; returns the raw result. */
  call(method: string, input: unknown, session?: string | null): RpcResult<unknown>;
  /** Calls and expects success. */
  ok<T = any>(method: string, input: unknown, session?: string | null): T; // eslint-disable-line @typescript-eslint/no-explicit-any
  login(username: string, password?: string): string;
  count(table: string): number;
}

export function makeCore(
  opts: Partial<Pick<CoreOptions, 'dataDir' | 'clock' | 'divisions' | 'sync' | 'onRestoreRequest'>> = {},
): TestCore {
  const dataDir = opts.dataDir ?? tempDir();
  const core = openCore({ ...opts, dataDir });
  const call = (method: string, input: unknown, session?: string | null) => core.dispatch({ method, input, session });
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read results loosely
  const ok = <T = any>(method: string, input: unknown, session?: string | null): T => {
    const r = call(method, input, session);
    if (!r.ok) throw new Error(`${method} failed: ${JSON.stringify(r.error)}`);
    return r.data as T;
  };
  return {
    core,
    dataDir,
    call,
    ok,
    login: (username, password = PASSWORD) => ok<{ session: string }>('auth.login', { username, password }).session,
    count: (table) => (core.deps.conn.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n,
  };
}

/** A township initialised with admin `admin` plus a 审核人 `shen` and a 录入员 `lu`. */
export function makeTownship(opts: { dataDir?: string; clock?: Clock; sync?: SchedulerOptions } = {}) {
  const t = makeCore(opts);
  t.ok('setup.init', {
    townshipCode: TOWNSHIP,
    adminUsername: 'admin',
    adminDisplayName: '张主任',
    password: PASSWORD,
  });
  const admin = t.login('admin');
  t.ok('users.create', { username: 'shen', displayName: '沈审核', role: 'reviewer', password: PASSWORD }, admin);
  t.ok('users.create', { username: 'lu', displayName: '陆录入', role: 'clerk', password: PASSWORD }, admin);
  return { ...t, admin, reviewer: t.login('shen'), clerk: t.login('lu') };
}
