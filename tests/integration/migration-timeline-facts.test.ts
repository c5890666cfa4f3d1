/**
 * Migration 0014: a database from before it (the three columns not there, the per-action timeline
 * index still there) opens with every case carrying its timeline's latest 处置结果, 回访满意度 and its
 * 督办 count — the same values the app writes as steps are taken — and the index dropped.
 */
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { seedDemoCases } from '../../main/core/cases/demo';
import { dropChangeCapture } from '../../main/core/sync/triggers';
import { makeCaseTownship } from '../helpers/cases';
import { makeCore } from '../helpers/core';
import { rewindBefore0016 } from '../helpers/schema-rewind';

const NOW = '2026-09-30T10:00:00+08:00';
let close = () => {};
afterAll(() => close());

// 回访 is kept as 满意度 since 0016 (which carries 0014's ratings over), so the facts compared are these.
type Facts = {
  id: string;
  supervision_count: number;
  resolution: string | null;
  follow_up_satisfaction: string | null;
  follow_up_performance: string | null;
};
const factsOf = (sqlite: Database.Database) =>
  sqlite
    .prepare(
      'SELECT id, supervision_count, resolution, follow_up_satisfaction, follow_up_performance FROM cases ORDER BY id',
    )
    .all() as Facts[];

describe('migration 0014 (case timeline facts)', () => {
  it('fills the facts of the cases on file from their timelines and drops the per-action index', () => {
    const t = makeCaseTownship(NOW);
    seedDemoCases(t.core.deps, { count: 600, seed: 3, years: 1, now: new Date(NOW).toISOString() });
    const open = t.core.deps.conn.sqlite
      .prepare(`SELECT id FROM cases WHERE state = 'assigned' ORDER BY number LIMIT 1`)
      .pluck()
      .get() as string;
    for (const level of ['normal', 'red']) {
      t.ok('cases.act', { id: open, action: 'supervise', payload: { level } }, t.sessions.reviewer);
    }
    const written = factsOf(t.core.deps.conn.sqlite);
    expect(written.filter((f) => f.resolution !== null).length).toBeGreaterThan(300);
    expect(written.filter((f) => f.follow_up_satisfaction !== null).length).toBeGreaterThan(30);
    expect(written.find((f) => f.id === open)!.supervision_count).toBe(2);
    const dataDir = t.dataDir;
    t.core.close();

    // Back to how a database of schema version 14 was.
    const old = new Database(`${dataDir}/zongzhi.sqlite`);
    dropChangeCapture(old);
    rewindBefore0016(old);
    for (const c of ['supervision_count', 'resolution', 'follow_up_rating'])
      old.exec(`ALTER TABLE cases DROP COLUMN ${c}`);
    old.exec('CREATE INDEX case_events_case_action_idx ON case_events (case_id, action, created_at)');
    // …and before 0015 (the audit chain), which comes after it.
    old.exec('DROP INDEX audit_log_seq_idx');
    for (const c of ['seq', 'prev_hash', 'hash']) old.exec(`ALTER TABLE audit_log DROP COLUMN ${c}`);
    old.pragma('user_version = 14');
    old.close();

    const reopened = makeCore({ dataDir, clock: t.clock }); // the same time: no overdue sweep between
    close = () => reopened.core.close();
    expect(reopened.core.migration).toMatchObject({ from: 14, to: 17 });
    const { sqlite } = reopened.core.deps.conn;
    // A dispute's 履行情况 was a rating before 0016, which carries it over as 满意度.
    const asRated = { fulfilled: 'satisfied', partly: 'basically', unfulfilled: 'dissatisfied' } as const;
    expect(factsOf(sqlite)).toEqual(
      written.map((f) => ({
        ...f,
        follow_up_satisfaction:
          f.follow_up_satisfaction ??
          (f.follow_up_performance ? asRated[f.follow_up_performance as keyof typeof asRated] : null),
        follow_up_performance: null,
      })),
    );
    const index = sqlite.prepare("SELECT 1 FROM sqlite_master WHERE name = 'case_events_case_action_idx'").get();
    expect(index).toBeUndefined();
  });
});
