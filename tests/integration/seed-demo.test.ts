import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { seedDemoTownship } from '../../main/core/demo/seed';
import { checkIdNumber } from '../../shared/people/id-number';
import { checkPhone } from '../../shared/people/phone';
import { runCli } from '../helpers/cli';
import { makeCore, makeTownship, PASSWORD, tempDir, TOWNSHIP, type TestCore } from '../helpers/core';
import { testNow, testToday } from '../helpers/test-clock';

const opened: TestCore[] = [];
afterEach(() => opened.splice(0).forEach((t) => t.core.close()));

function fresh(): TestCore {
  const t = makeCore();
  opened.push(t);
  return t;
}

const INIT = { townshipCode: TOWNSHIP, adminUsername: 'admin', password: PASSWORD };

/** Decrypted ID numbers and names, sorted: what "the same township" means across two runs. */
function peopleOf(t: TestCore): string[] {
  const rows = t.core.deps.conn.sqlite.prepare('SELECT name, id_number_enc, phone_enc FROM persons').all() as {
    name: string;
    id_number_enc: string;
    phone_enc: string;
  }[];
  const { pii } = t.core.deps;
  return rows.map((r) => `${r.name} ${pii.decrypt(r.id_number_enc)} ${pii.decrypt(r.phone_enc)}`).sort();
}

describe('seed-demo', () => {
  it('builds 玉井镇 from the real codes: grids, teams, party groups, trainings, all in the change log', () => {
    const t = fresh();
    const r = seedDemoTownship(t.core, { grids: 24, people: 90, seed: 'test', init: INIT });
    expect(r).toMatchObject({ initialised: true, villages: 18, grids: 24, people: 90, posts: 90 });
    expect(r.township.name).toBe('玉井镇');
    expect(t.count('grids')).toBe(24);
    expect(t.count('persons')).toBe(90);
    expect(t.count('posts')).toBe(90);
    expect(t.count('party_groups')).toBe(r.partyGroups);
    expect(t.count('trainings')).toBe(r.trainings);
    expect(r.trainings).toBeGreaterThan(0);
    const sqlite = t.core.deps.conn.sqlite;
    const one = <T>(sql: string) => sqlite.prepare(sql).pluck().get() as T;
    // Real 12-digit village codes with 15-digit grid codes under them.
    expect(
      one<number>(
        "SELECT count(*) FROM grids g JOIN villages v ON v.id = g.village_id WHERE g.code LIKE v.code || '___'",
      ),
    ).toBe(24);
    expect(one<number>("SELECT count(DISTINCT village_id) FROM posts WHERE type = 'head'")).toBe(18);
    expect(one<number>('SELECT count(*) FROM persons WHERE party_member = 1')).toBe(r.partyMembers);
    expect(one<number>('SELECT count(*) FROM persons WHERE party_group_id IS NOT NULL')).toBeGreaterThan(0);
    expect(one<number>('SELECT count(*) FROM persons WHERE party_group_id IS NOT NULL AND party_member = 0')).toBe(0);
    expect(one<number>('SELECT sum(member_count) FROM party_groups')).toBe(
      one<number>('SELECT count(*) FROM persons WHERE party_group_id IS NOT NULL'),
    );
    // No 待完善 about missing heads or workers: the team is complete.
    const admin = t.login('admin');
    const gaps = t.ok<{ kind: string }[]>('people.gaps', {}, admin);
    expect(gaps.filter((g) => g.kind !== 'legacy_id')).toEqual([]);
    for (const line of peopleOf(t)) {
      const [, id, phone] = line.split(' ');
      expect(checkIdNumber(id!, testToday()).ok).toBe(true);
      expect(id!.startsWith('140621')).toBe(true);
      expect(checkPhone(phone!).ok).toBe(true);
    }
    // A year of 入户走访 by each grid's 网格员 and 2–4 compounds per village, through the services.
    expect(t.count('household_visits')).toBe(r.visits);
    expect(r.visits).toBeGreaterThanOrEqual(24 * 60);
    expect(r.buildings).toBeGreaterThanOrEqual(36);
    expect(t.count('buildings')).toBe(r.buildings);
    expect(one<number>('SELECT count(DISTINCT grid_id) FROM household_visits')).toBe(24);
    expect(
      one<number>(
        "SELECT count(*) FROM household_visits h WHERE NOT EXISTS (SELECT 1 FROM posts p WHERE p.person_id = h.visitor_id AND p.grid_id = h.grid_id AND p.type = 'worker')",
      ),
    ).toBe(0);
    const today = testToday();
    expect(one<string>('SELECT max(visited_on) FROM household_visits') <= today).toBe(true);
    expect(
      one<number>("SELECT count(*) FROM household_visits WHERE phone_enc IS NOT NULL AND phone_enc NOT LIKE 'v1:%'"),
    ).toBe(0);
    expect(t.ok<{ total: number }>('buildings.list', {}, admin).total).toBe(r.buildings);
    // 工作日志 of every kind in every grid over the year, with 2–3 集中排查 per village a month.
    expect(t.count('work_logs')).toBe(r.workLogs);
    expect(one<number>('SELECT count(DISTINCT kind) FROM work_logs')).toBe(4);
    expect(one<number>('SELECT count(DISTINCT grid_id) FROM work_logs')).toBe(24);
    const screenings = t.core.deps.conn.sqlite
      .prepare(
        "SELECT village_id, substr(worked_on, 1, 7) AS month, count(*) AS n FROM work_logs WHERE kind = 'disputeScreening' GROUP BY 1, 2",
      )
      .all() as { n: number }[];
    expect(screenings).toHaveLength(18 * 12);
    expect(screenings.every((m) => m.n >= 2)).toBe(true);
    expect(one<string>('SELECT max(worked_on) FROM work_logs') <= today).toBe(true);
    // Every written row is in the change log, so the county receives the demo township whole.
    const tables = [
      'grids',
      'party_groups',
      'persons',
      'posts',
      'trainings',
      'household_visits',
      'buildings',
      'work_logs',
    ];
    for (const table of tables) {
      const missing = one<number>(
        `SELECT count(*) FROM ${table} x WHERE NOT EXISTS (SELECT 1 FROM change_log c WHERE c.table_name = '${table}' AND c.row_id = x.id)`,
      );
      expect(missing, table).toBe(0);
    }
    // One audit entry per village (one transaction each).
    expect(one<number>("SELECT count(*) FROM audit_log WHERE method = 'demo.seed'")).toBe(18);
  });

  it('is deterministic for a seed, and different for another', () => {
    const [a, b, c] = [fresh(), fresh(), fresh()];
    // Small on purpose (three grids, a visit a month): the same code path, a fraction of the work.
    const small = { grids: 3, people: 24, visitsPerMonth: 1, init: INIT };
    seedDemoTownship(a.core, { ...small, seed: 's' });
    seedDemoTownship(b.core, { ...small, seed: 's' });
    seedDemoTownship(c.core, { ...small, seed: 'other' });
    expect(peopleOf(a)).toEqual(peopleOf(b));
    expect(peopleOf(a)).not.toEqual(peopleOf(c));
  });

  it('seeds a township with fewer grids than villages: compounds only where a grid is', () => {
    const t = makeTownship();
    opened.push(t);
    const r = seedDemoTownship(t.core, { grids: 1, people: 40 });
    expect(t.count('grids')).toBe(1);
    const places = t.core.deps.conn.sqlite
      .prepare('SELECT DISTINCT b.village_id FROM buildings b JOIN grids g ON g.village_id = b.village_id')
      .pluck()
      .all();
    expect(r.buildings).toBeGreaterThan(0);
    expect(t.count('buildings')).toBe(r.buildings);
    expect(places).toHaveLength(1);
  });

  it('refuses a folder with real data unless forced, and too few people, writing nothing', () => {
    const t = makeTownship();
    opened.push(t);
    t.ok('people.create', { name: '王真实', idNumber: '11010519491231002X', remarks: null }, t.admin);
    expect(() => seedDemoTownship(t.core, { grids: 18, people: 40 })).toThrow(/已有网格或人员数据.*--force/);
    expect(() => seedDemoTownship(t.core, { grids: 18, people: 20, force: true })).toThrow(/人数至少为 36/);
    expect(t.count('grids')).toBe(0);
    expect(t.count('persons')).toBe(1);
    expect(seedDemoTownship(t.core, { grids: 18, people: 40, force: true }).people).toBe(40);
    expect(t.count('persons')).toBe(41);
  });

  // Spawns the CLI several times: slow when the machine is busy.
  it('runs from the CLI, says --force in its help, and refuses a second run', { timeout: 180_000 }, () => {
    const dir = tempDir();
    const cli = (...args: string[]) => runCli('seed-demo', ...args);
    expect(cli('--help').out).toContain('--force');
    const bad = cli('--data-dir', dir, '--people', 'many');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--people 应为');
    const ok = cli('--data-dir', dir, '--grids', '18', '--people', '40', '--seed', 'cli');
    expect(ok.code).toBe(0);
    expect(ok.out).toContain('18 个网格');
    const again = cli('--data-dir', dir);
    expect(again.code).toBe(1);
    expect(again.err).toContain('--force');
    // --cases alone on a township with its grids adds cases only, each in the change log.
    expect(cli('--data-dir', dir, '--years', '2').err).toContain('--years 须与 --cases 一起使用');
    const cases = cli('--data-dir', dir, '--cases', '300', '--years', '2');
    expect(cases.code, cases.err).toBe(0);
    expect(cases.out).toContain('已生成演示事件 300 件');
    const db = new Database(path.join(dir, 'zongzhi.sqlite'), { readonly: true });
    try {
      expect(db.prepare('SELECT count(*) FROM grids').pluck().get()).toBe(18);
      expect(db.prepare('SELECT count(*) FROM cases').pluck().get()).toBe(300);
      const logged = db.prepare("SELECT count(DISTINCT row_id) FROM change_log WHERE table_name = 'cases'").pluck();
      expect(logged.get()).toBe(300);
      const oldest = db.prepare('SELECT min(created_at) FROM cases').pluck().get() as string;
      expect(testNow().getTime() - Date.parse(oldest)).toBeLessThanOrEqual(2 * 366 * 86_400_000);
    } finally {
      db.close();
    }
  });
});
