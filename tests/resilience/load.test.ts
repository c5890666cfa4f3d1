/**
 * 并发负载: the browser host on loopback with 16 clients at once, each logged in on its own, mixing
 * the 事件 list, the 人员 list and the 工作台 with 登记事件 and 修改网格 on its own grid. No call may
 * fail, and every write the host acknowledged must be there afterwards — the last acknowledged
 * edit of each grid is the one it holds. Latency is printed, never asserted. Short: 16 × 20 calls;
 * long: 40 seconds.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { startHost } from '../../main/host/server';
import { makeTownship, PASSWORD, tempDir } from '../helpers/core';
import { LoadClient, quantile } from './load-client';
import { LONG, printFigures, runSeed, scale, seeded, TIMEOUT } from './long';

const CLIENTS = 16;
const CALLS_PER_CLIENT = 20;
const LONG_RUN_MS = 40_000;

interface Grid {
  id: string;
  villageId: string;
  type: string;
  name: string;
  households: number;
  residents: number;
}

const caseInput = (gridId: string, summary: string) => ({
  source: 'hotline',
  categoryCode: '01',
  subcategoryCode: '02',
  gridId,
  place: '玉井村三组',
  occurredAt: '2026-11-25T08:00:00+08:00',
  reporterName: '李群众',
  summary,
});
const LIST_FILTERS = [{}, { q: '排水' }, { quick: 'overdue' }, { states: ['registered', 'reported'] }, { limit: 200 }];

/** The mix: half reads (事件, 人员, 工作台), half writes (登记事件, an edit of the client's own grid). */
function nextCall(rnd: ReturnType<typeof seeded>, grid: Grid, n: number): [string, object] {
  const roll = rnd.next();
  if (roll < 0.2) return ['cases.list', rnd.pick(LIST_FILTERS)];
  if (roll < 0.35) return ['people.list', {}];
  if (roll < 0.5) return ['dashboard.summary', {}];
  if (roll < 0.8) return ['cases.create', caseInput(grid.id, `${grid.name}第${n}次登记：院墙排水`)];
  return ['org.updateGrid', { ...grid, households: 1000 + n }];
}

describe('并发负载：16 个客户端经回环地址调用', () => {
  it(
    'answers every call and keeps every acknowledged write',
    async () => {
      const seed = runSeed();
      const t = makeTownship();
      const villages = t.ok<{ id: string }[]>('org.listVillages', {}, t.admin);
      const grids = villages.slice(0, CLIENTS).map((v, i): Grid => {
        const input = { villageId: v.id, type: 'village', name: `负载${i + 1}号网格`, households: 300, residents: 900 };
        return { ...input, id: t.ok<{ id: string }>('org.createGrid', input, t.admin).id };
      });
      for (let i = 0; i < 60; i++) t.ok('cases.create', caseInput(grids[i % CLIENTS]!.id, `院墙排水 ${i}`), t.admin);
      const staticDir = tempDir('zongzhi-static-');
      fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>综治工作台</title>');
      const host = await startHost({ dispatch: t.core.dispatch, staticDir });

      const latencies: number[] = [];
      const errors: string[] = [];
      const caseIds: string[] = [];
      /** Per grid, the households of the last edit the host acknowledged. */
      const households = new Map<string, number>();
      let updates = 0;
      const deadline = performance.now() + LONG_RUN_MS;

      async function client(i: number) {
        const c = new LoadClient(host.port, host.token);
        const rnd = seeded(seed + i);
        const grid = grids[i]!;
        const login = await c.call('auth.login', { username: i % 2 ? 'admin' : 'lu', password: PASSWORD });
        c.session = (login.body as { ok: true; data: { session: string } }).data.session;
        for (let n = 1; LONG ? performance.now() < deadline : n <= CALLS_PER_CLIENT; n++) {
          const [method, input] = nextCall(rnd, grid, n);
          const r = await c.call(method, input);
          latencies.push(r.ms);
          if (r.status !== 200 || !r.body.ok) {
            errors.push(`${method} → ${r.status} ${JSON.stringify(r.body)}`);
          } else if (method === 'cases.create') {
            caseIds.push((r.body.data as { case: { id: string } }).case.id);
          } else if (method === 'org.updateGrid') {
            households.set(grid.id, (input as Grid).households);
            updates++;
          }
        }
        c.close();
      }

      const started = performance.now();
      try {
        await Promise.all(Array.from({ length: CLIENTS }, (_, i) => client(i)));
      } finally {
        await host.close();
      }
      const seconds = (performance.now() - started) / 1000;

      const { sqlite } = t.core.deps.conn;
      const stored = new Set(sqlite.prepare('SELECT id FROM cases').pluck().all() as string[]);
      const lost = caseIds.filter((id) => !stored.has(id)).length;
      const gridNow = sqlite.prepare('SELECT households FROM grids WHERE id = ?').pluck();
      const stale = [...households].filter(([id, value]) => gridNow.get(id) !== value).length;
      t.core.close();

      printFigures('并发负载', {
        seed,
        clients: CLIENTS,
        calls: latencies.length,
        writes: caseIds.length + updates,
        errors: errors.length,
        lost,
        stale,
        perSecond: Math.round(latencies.length / seconds),
        p50ms: quantile(latencies, 0.5).toFixed(1),
        p99ms: quantile(latencies, 0.99).toFixed(1),
        maxMs: Math.max(...latencies).toFixed(1),
      });
      expect(errors.slice(0, 10), `${errors.length} failed calls (seed ${seed})`).toEqual([]);
      expect(latencies.length).toBeGreaterThanOrEqual(scale(CLIENTS * CALLS_PER_CLIENT, CLIENTS));
      expect(caseIds.length).toBeGreaterThan(0);
      expect({ lost, stale }).toEqual({ lost: 0, stale: 0 });
    },
    TIMEOUT,
  );
});
