/**
 * The audit log as a hash chain: every way an entry is written (a call, a refused login, a sealed
 * lookup, the demo seed, a ledger job, a second connection) lands on the end of one chain; an
 * altered, deleted or slipped-in entry is named by `audit verify` (a separate process, exit code 1)
 * and by `audit.verify`; a database from before the chain is chained by migration 0015 and whole.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { appendAudit } from '../../main/core/audit/append';
import { seedDemoTownship } from '../../main/core/demo/seed';
import { ledgerJobsOf } from '../../main/core/reports/ledger/jobs';
import { dispatchAny } from '../../main/core/rpc/dispatcher';
import type { AuditChain } from '../../shared/api/audit';
import type { LedgerJobInfo } from '../../shared/api/reports';
import type { User } from '../../shared/api/schemas';
import { caseInput, makeCaseTownship, manualClock } from '../helpers/cases';
import { runCli } from '../helpers/cli';
import { makeCore, makeTownship, PASSWORD, TOWNSHIP, type TestCore } from '../helpers/core';
import { rewindBefore0016 } from '../helpers/schema-rewind';
import { dropChangeCapture } from '../../main/core/sync/triggers';

const NOW = '2026-09-30T10:00:00+08:00';
const GENESIS = '0'.repeat(64);

const opened: TestCore[] = [];
afterEach(() => opened.splice(0).forEach((t) => t.core.deps.conn.sqlite.open && t.core.close()));
const keep = <T extends TestCore>(t: T) => (opened.push(t), t);

interface Row {
  id: string;
  at: string;
  user_id: string | null;
  username: string | null;
  method: string;
  record_id: string | null;
  detail: string | null;
  seq: number;
  prev_hash: string;
  hash: string;
}
const rowsOf = (sqlite: Database.Database) => sqlite.prepare('SELECT * FROM audit_log ORDER BY seq').all() as Row[];

/** The documented encoding, restated here so a change to it is a change someone meant. */
const hashOf = (r: Row) =>
  createHash('sha256')
    .update(
      JSON.stringify([
        'zongzhi-audit/1',
        r.id,
        r.at,
        r.user_id,
        r.username,
        r.method,
        r.record_id,
        r.detail,
        r.prev_hash,
      ]),
    )
    .digest('hex');

function expectChained(rows: Row[]) {
  rows.forEach((r, i) => {
    expect(r.seq).toBe(i + 1);
    expect(r.prev_hash).toBe(i === 0 ? GENESIS : rows[i - 1]!.hash);
    expect(r.hash).toBe(hashOf(r));
  });
}

const userOf = (sqlite: Database.Database, username: string): User => ({
  ...(sqlite
    .prepare('SELECT id, username, display_name AS displayName, role FROM users WHERE username = ?')
    .get(username) as Omit<User, 'disabled'>),
  disabled: false,
});

describe('audit hash chain', { timeout: 120_000 }, () => {
  it('chains calls, refused logins, lookups, ledger jobs and a second connection into one chain', async () => {
    const t = keep(makeCaseTownship(NOW));
    const { admin, clerk } = t.sessions;
    t.ok('cases.create', caseInput(t.gridA), clerk);
    expect(t.call('auth.login', { username: 'lu', password: 'wrong-password' }).ok).toBe(false); // audited refusal
    expect(t.call('org.createGrid', { villageId: 'nope' }, admin).ok).toBe(false); // refused: nothing written
    t.ok('cases.byContact', { phone: '13800138000' }, clerk); // a sealed lookup, written after the call
    const start = await dispatchAny(t.core.dispatch, {
      method: 'reports.ledgerStart',
      input: { form: 'case-ledger', period: '2026' },
      session: admin,
    });
    expect(start.ok).toBe(true);
    const jobs = ledgerJobsOf(t.core.deps);
    const adminUser = userOf(t.core.deps.conn.sqlite, 'admin');
    expect((await jobs.wait((start as { data: LedgerJobInfo }).data.id, adminUser)).state).toBe('done');
    // Another connection to the same file continues the same chain, and this one after it.
    const other = keep(makeCore({ dataDir: t.dataDir, clock: t.clock }));
    const user = (username: string) => ({ username, displayName: username, role: 'clerk', password: PASSWORD });
    other.ok('users.create', user('other1'), other.login('admin'));
    t.ok('users.create', user('this1'), admin);

    const rows = rowsOf(t.core.deps.conn.sqlite);
    expectChained(rows);
    const methods = rows.map((r) => r.method);
    for (const m of ['setup.init', 'users.create', 'auth.login', 'cases.create', 'auth.loginFailed']) {
      expect(methods).toContain(m);
    }
    expect(methods).toContain('lookup.phone');
    expect(methods).toContain('reports.ledgerStart');
    expect(rows.slice(-3).map((r) => [r.method, r.detail?.match(/other1|this1/)?.[0]])).toEqual([
      ['auth.login', undefined],
      ['users.create', 'other1'],
      ['users.create', 'this1'],
    ]);
    expect(rows.map((r) => r.id)).toEqual(rows.map((r) => r.id).sort()); // one process: seq order is id order
    expect(t.ok<AuditChain>('audit.verify', {}, t.sessions.reviewer)).toEqual({
      whole: true,
      count: rows.length,
      broken: null,
    });
    // 录入员 do not see the log, so not its check either.
    expect(t.call('audit.verify', {}, clerk)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    // The last hash is read under the write lock: outside a transaction the append is refused.
    expect(() =>
      appendAudit(t.core.deps.conn, {
        at: NOW,
        userId: null,
        username: null,
        method: 'x',
        recordId: null,
        detail: null,
      }),
    ).toThrow(/写事务/);
  });

  it('chains the demo seed, and `audit verify` says the chain is whole with its count', () => {
    const t = keep(makeCore({ clock: manualClock(NOW).clock }));
    seedDemoTownship(t.core, {
      grids: 20,
      people: 80,
      visitsPerMonth: 1,
      seed: 'chain',
      init: { townshipCode: TOWNSHIP, adminUsername: 'admin', password: PASSWORD },
    });
    const rows = rowsOf(t.core.deps.conn.sqlite);
    expect(rows.filter((r) => r.method === 'demo.seed')).toHaveLength(18);
    expectChained(rows);
    t.core.close();
    const r = runCli('audit', 'verify', '--data-dir', t.dataDir);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain(`操作日志完整：共 ${rows.length} 条记录`);
  });

  /**
   * A township with a dozen entries, closed; `tamper` edits the file as someone with sqlite3 would;
   * then the CLI's verdict (a separate process) and the API's.
   */
  function tampered(tamper: (db: Database.Database, rows: Row[]) => void, withCli = true) {
    const time = manualClock(NOW);
    const t = makeTownship({ clock: time.clock });
    const villages = t.ok<{ id: string }[]>('org.listVillages', {}, t.admin);
    for (const [i, v] of villages.slice(0, 4).entries()) {
      time.at(`2026-09-30T1${i}:30:00+08:00`);
      t.ok(
        'org.createGrid',
        { villageId: v.id, type: 'village', name: '第一网格', households: 300, residents: 900 },
        t.admin,
      );
    }
    t.call('auth.login', { username: 'shen', password: 'wrong-password' });
    t.core.close();
    const db = new Database(path.join(t.dataDir, 'zongzhi.sqlite'));
    const before = rowsOf(db);
    expectChained(before);
    tamper(db, before);
    db.close();
    const cli = withCli ? runCli('audit', 'verify', '--data-dir', t.dataDir) : null;
    const again = keep(makeCore({ dataDir: t.dataDir, clock: time.clock }));
    const api = again.ok<AuditChain>('audit.verify', {}, again.login('admin'));
    return { before, cli: cli as ReturnType<typeof runCli>, api }; // cli: only when asked for
  }

  it('names an entry whose content was changed', () => {
    const { before, cli, api } = tampered((db, rows) => {
      const grid = rows.filter((r) => r.method === 'org.createGrid')[1]!;
      db.prepare('UPDATE audit_log SET detail = replace(detail, ?, ?) WHERE id = ?').run('300', '30', grid.id);
    });
    const grid = before.filter((r) => r.method === 'org.createGrid')[1]!;
    expect(api).toMatchObject({
      whole: false,
      count: before.length + 1, // and the login that asked, after the break
      broken: { kind: 'altered', id: grid.id, at: grid.at, method: 'org.createGrid', title: '新增网格', seq: grid.seq },
    });
    expect(cli.code).toBe(1);
    expect(cli.out).toContain('操作日志的哈希链已断开');
    expect(cli.out).toContain(
      `第 ${grid.seq} 条记录（2026-09-30 11:30，admin，新增网格，编号 ${grid.id}）：内容被改动`,
    );
    expect(cli.err).toContain('操作日志校验未通过');
  });

  it('names the entry after a deleted one', () => {
    let gone!: Row;
    const { before, cli, api } = tampered((db, rows) => {
      gone = rows.filter((r) => r.method === 'org.createGrid')[2]!;
      db.prepare('DELETE FROM audit_log WHERE id = ?').run(gone.id);
    });
    const next = before[gone.seq]!; // the entry after it (seq is 1-based)
    expect(api).toMatchObject({
      whole: false,
      count: before.length, // one gone, one login added
      broken: {
        kind: 'deleted',
        id: next.id,
        seq: next.seq,
        problem: `此条之前缺少 1 条记录（序号 ${gone.seq}），已被删除`,
      },
    });
    expect(cli.code).toBe(1);
    expect(cli.out).toContain(`编号 ${next.id}）：此条之前缺少 1 条记录（序号 ${gone.seq}）`);
  });

  it('names a forged entry slipped into the middle, even with its own hash and the rest renumbered', () => {
    let forgedId!: string;
    const { cli, api } = tampered((db, rows) => {
      const after = rows.filter((r) => r.method === 'org.createGrid')[0]!;
      forgedId = after.id + '0'; // sorts between it and the next
      const forged: Row = {
        ...after,
        id: forgedId,
        detail: JSON.stringify({ note: '伪造' }),
        seq: after.seq + 1,
        prev_hash: after.hash,
        hash: '',
      };
      forged.hash = hashOf(forged);
      db.prepare('UPDATE audit_log SET seq = -seq WHERE seq > ?').run(after.seq);
      db.prepare('UPDATE audit_log SET seq = 1 - seq WHERE seq < 0').run();
      db.prepare(
        `INSERT INTO audit_log (id, at, user_id, username, method, record_id, detail, seq, prev_hash, hash)
         VALUES (:id, :at, :user_id, :username, :method, :record_id, :detail, :seq, :prev_hash, :hash)`,
      ).run(forged);
    });
    expect(api.broken).toMatchObject({ kind: 'inserted', id: forgedId });
    expect(api.broken!.problem).toContain('多出的一条记录');
    expect(cli.code).toBe(1);
    expect(cli.out).toContain(`编号 ${forgedId}）：多出的一条记录`);
  });

  it('tells the other tamperings apart (API): bare insert, bad-hash insert, recomputed hash, renumbering', () => {
    const cases: [string, (db: Database.Database, rows: Row[]) => string, string][] = [
      [
        'a row written with the old columns only',
        (db, rows) => {
          const id = rows[3]!.id + '0';
          db.prepare(`INSERT INTO audit_log (id, at, method) VALUES (?, ?, 'org.createGrid')`).run(id, rows[3]!.at);
          return id;
        },
        'inserted',
      ],
      [
        'a row with a made-up hash, the rest renumbered',
        (db, rows) => {
          db.prepare('UPDATE audit_log SET seq = -seq WHERE seq > 4').run();
          db.prepare('UPDATE audit_log SET seq = 1 - seq WHERE seq < 0').run();
          const id = rows[3]!.id + '0';
          db.prepare(`INSERT INTO audit_log (id, at, method, seq, prev_hash, hash) VALUES (?, ?, 'x', 5, ?, ?)`).run(
            id,
            rows[3]!.at,
            rows[3]!.hash,
            'f'.repeat(64),
          );
          return id;
        },
        'inserted',
      ],
      [
        'an entry changed and its hash recomputed',
        (db, rows) => {
          const r = { ...rows[5]!, username: 'shen' };
          db.prepare('UPDATE audit_log SET username = ?, hash = ? WHERE id = ?').run('shen', hashOf(r), r.id);
          return rows[6]!.id;
        },
        'relinked',
      ],
      [
        'an entry deleted and the rest renumbered',
        (db, rows) => {
          db.prepare('DELETE FROM audit_log WHERE seq = 2').run();
          db.prepare('UPDATE audit_log SET seq = seq - 1 WHERE seq > 2').run();
          return rows[2]!.id;
        },
        'relinked',
      ],
      [
        'the first entry deleted',
        (db, rows) => {
          db.prepare('DELETE FROM audit_log WHERE seq = 1').run();
          return rows[1]!.id;
        },
        'deleted',
      ],
    ];
    for (const [what, tamper, kind] of cases) {
      let expectedId = '';
      const { api } = tampered((db, rows) => (expectedId = tamper(db, rows)), false);
      expect(api.broken, what).toMatchObject({ kind, id: expectedId });
    }
  });

  it('chains the entries of a database from before the chain (migration 0015) in id order', () => {
    const time = manualClock(NOW);
    const t = makeTownship({ clock: time.clock });
    t.ok(
      'org.createGrid',
      {
        villageId: t.ok<{ id: string }[]>('org.listVillages', {}, t.admin)[0]!.id,
        type: 'village',
        name: '第一网格',
        households: 300,
        residents: 900,
      },
      t.admin,
    );
    t.call('auth.login', { username: 'lu', password: 'wrong-password' });
    t.core.close();
    // Back to how a database of schema version 15 was.
    const old = new Database(path.join(t.dataDir, 'zongzhi.sqlite'));
    dropChangeCapture(old);
    rewindBefore0016(old);
    old.exec('DROP INDEX audit_log_seq_idx');
    for (const c of ['seq', 'prev_hash', 'hash']) old.exec(`ALTER TABLE audit_log DROP COLUMN ${c}`);
    old.pragma('user_version = 15');
    const onFile = old.prepare('SELECT id, method FROM audit_log ORDER BY id').all();
    old.close();

    const again = keep(makeCore({ dataDir: t.dataDir, clock: time.clock }));
    expect(again.core.migration).toMatchObject({ from: 15, to: 17 });
    const rows = rowsOf(again.core.deps.conn.sqlite);
    expect(rows.map((r) => ({ id: r.id, method: r.method }))).toEqual(onFile);
    expectChained(rows);
    // New entries go on the end.
    const chain = again.ok<AuditChain>('audit.verify', {}, again.login('admin'));
    expect(chain).toEqual({ whole: true, count: onFile.length + 1, broken: null });
    again.core.close();
    const cli = runCli('audit', 'verify', '--data-dir', t.dataDir);
    expect(cli.code).toBe(0);
    expect(cli.out).toContain(`共 ${onFile.length + 1} 条记录`);
  });
});
