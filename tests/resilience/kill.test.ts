/**
 * 断电测试: a writer process (kill-writer.ts) is SIGKILLed at random moments, as a power cut or the
 * task manager would end the app, restarted and killed again. After every kill the database must be
 * intact and hold every write the app acknowledged — with its audit entry and its change-log rows,
 * since they commit in the same transaction.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openCore } from '../../main/core/app';
import { makeTownship, PASSWORD, tempDir } from '../helpers/core';
import { LONG, printFigures, runSeed, scale, seeded, TIMEOUT } from './long';

const root = path.resolve(import.meta.dirname, '../..');
const WRITER = path.join(import.meta.dirname, 'kill-writer.ts');
const TABLE_OF = { grid: 'grids', person: 'persons', case: 'cases' } as const;
type Kind = keyof typeof TABLE_OF;
interface Ack {
  kind: Kind;
  id: string;
}

/** Runs the writer until `killAfter` acknowledged lines, then kills it `delayMs` later. */
function writeUntilKilled(dataDir: string, run: number, seed: number, killAfter: number, delayMs: number) {
  return new Promise<{ acks: Ack[]; signal: NodeJS.Signals | null; code: number | null; stderr: string }>(
    (resolve, reject) => {
      const child = spawn(process.execPath, ['--import', 'tsx', WRITER, dataDir, String(run), String(seed)], {
        cwd: root,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      const acks: Ack[] = [];
      let pending = '';
      let stderr = '';
      let scheduled = false;
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
        const lines = (pending + chunk).split('\n');
        pending = lines.pop()!; // a line is acknowledged only once complete
        for (const line of lines) {
          const [kind, id] = line.split(' ') as [Kind, string];
          acks.push({ kind, id });
        }
        if (!scheduled && acks.length >= killAfter) {
          scheduled = true;
          setTimeout(() => child.kill('SIGKILL'), delayMs);
        }
      });
      child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
      child.on('error', reject);
      child.on('close', (code, signal) => resolve({ acks, signal, code, stderr }));
    },
  );
}

const METHOD_OF = { grid: 'org.createGrid', person: 'people.create', case: 'cases.create' } as const;

/**
 * What survived: integrity, dangling references, the ids present with their change-log rows, and
 * rows without their audit entry (or the other way round) — a write commits with both or neither.
 */
function inspect(file: string) {
  const db = new Database(file);
  try {
    const integrity = db.prepare('PRAGMA integrity_check').pluck().all();
    const danglingRefs = (db.pragma('foreign_key_check') as unknown[]).length;
    const ids = (sql: string) => new Set(db.prepare(sql).pluck().all() as string[]);
    const count = (sql: string, ...args: string[]) =>
      db
        .prepare(sql)
        .pluck()
        .get(...args) as number;
    const rows = Object.fromEntries(
      Object.entries(TABLE_OF).map(([kind, table]) => [kind, ids(`SELECT id FROM ${table}`)]),
    ) as Record<Kind, Set<string>>;
    const logged = ids("SELECT row_id FROM change_log WHERE table_name IN ('grids', 'persons', 'cases')");
    const unpaired = (Object.keys(TABLE_OF) as Kind[]).reduce(
      (n, kind) =>
        n + Math.abs(rows[kind].size - count('SELECT count(*) FROM audit_log WHERE method = ?', METHOD_OF[kind])),
      0,
    );
    // A case's timeline starts in its registration's transaction.
    const timeless = count('SELECT count(*) FROM cases WHERE id NOT IN (SELECT case_id FROM case_events)');
    return { integrity, danglingRefs, rows, logged, unpaired: unpaired + timeless };
  } finally {
    db.close();
  }
}

describe('断电：随机时刻强杀写入进程', () => {
  it(
    'keeps the database intact and every acknowledged write, with its audit and change-log rows',
    async () => {
      const seed = runSeed();
      const rnd = seeded(seed);
      const dataDir = tempDir('zongzhi-kill-');
      const t = makeTownship({ dataDir });
      const [village] = t.ok<{ id: string }[]>('org.listVillages', {}, t.admin);
      t.ok(
        'org.createGrid',
        { villageId: village!.id, type: 'village', name: '第一网格', households: 300, residents: 900 },
        t.admin,
      );
      t.core.close();
      const file = path.join(dataDir, 'zongzhi.sqlite');

      const kills = scale(5, 50);
      const acked: Ack[] = [];
      // Counted over every acknowledged write so far, after each kill; the long run goes on and reports them.
      let damage = { lost: 0, unpaired: 0, unlogged: 0 };
      for (let run = 0; run < kills; run++) {
        const killAfter = rnd.int(1, 120);
        const r = await writeUntilKilled(dataDir, run, rnd.int(1, 2 ** 30), killAfter, rnd.int(0, 40));
        expect(r.stderr, `run ${run} (seed ${seed})`).not.toMatch(/被拒绝|Error/);
        expect(r.signal, `run ${run} ended by itself (code ${r.code}): ${r.stderr}`).toBe('SIGKILL');
        expect(r.acks.length).toBeGreaterThanOrEqual(killAfter);
        acked.push(...r.acks);

        const after = inspect(file);
        expect(after.integrity, `integrity after kill ${run} (seed ${seed})`).toEqual(['ok']);
        expect(after.danglingRefs).toBe(0);
        damage = {
          lost: acked.filter((a) => !after.rows[a.kind].has(a.id)).length,
          unpaired: after.unpaired,
          unlogged: acked.filter((a) => !after.logged.has(a.id)).length,
        };
        if (!LONG) expect(damage, `after kill ${run} (seed ${seed})`).toEqual({ lost: 0, unpaired: 0, unlogged: 0 });
      }

      // The app starts on what is left, and the case search index kept step with its table.
      const core = openCore({ dataDir, sweepIntervalMs: 0 });
      try {
        const call = (method: string, input: object, session?: string) =>
          core.dispatch({ method, input, session }) as { ok: true; data: { session: string; total: number } };
        const session = call('auth.login', { username: 'admin', password: PASSWORD }).data.session;
        // A case may commit just before its kill without being acknowledged: at least every acknowledged one.
        const cases = core.deps.conn.sqlite.prepare('SELECT count(*) FROM cases').pluck().get() as number;
        expect(cases).toBeGreaterThanOrEqual(acked.filter((a) => a.kind === 'case').length);
        expect(call('cases.list', {}, session).data.total).toBe(cases);
        expect(call('cases.list', { q: '排水' }, session).data.total).toBe(cases);
      } finally {
        core.close();
      }
      printFigures('断电', { seed, kills, acknowledged: acked.length, ...damage });
      expect(damage).toEqual({ lost: 0, unpaired: 0, unlogged: 0 });
    },
    TIMEOUT,
  );
});
