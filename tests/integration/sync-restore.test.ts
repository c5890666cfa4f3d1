import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { syncedTableInfo } from '../../main/core/sync/registry';
import { readSyncState } from '../../main/core/sync/state';
import { pushOnce } from '../../main/core/sync/uploader';
import { runCli } from '../helpers/cli';
import { makeCore, PASSWORD, tempDir, TOWNSHIP } from '../helpers/core';
import { townshipWithCounty } from '../helpers/county-setup';
import { countyRows, townshipRows } from '../helpers/sync';

const cli = runCli;
const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

describe('restore of an older backup', () => {
  it('keeps the sequence going and brings the county to the restored state, row by row', async () => {
    const { t, county } = await townshipWithCounty();
    cleanups.push(() => county.close());

    const [village] = t.ok<{ id: string }[]>('org.listVillages', {}, t.clerk);
    const grid = (name: string) =>
      t.ok('org.createGrid', { villageId: village!.id, type: 'village', name, households: 9, residents: 20 }, t.clerk);
    const kept = grid('留下的网格');
    expect((await pushOnce(t.core.deps)).error).toBeNull();
    const backupFile = path.join(tempDir(), 'old.sqlite');
    expect(cli('backup', '--data-dir', t.dataDir, '--out', backupFile).code).toBe(0);

    // After the backup: a new grid, an edit to the kept one; both reach the county.
    const lost = grid('备份后新建');
    t.ok('org.updateGrid', { id: kept.id, type: 'village', name: '备份后改名', households: 1, residents: 2 }, t.clerk);
    expect((await pushOnce(t.core.deps)).error).toBeNull();
    const highWater = t.core.deps.conn.sqlite.prepare('SELECT max(seq) FROM change_log').pluck().get() as number;
    const ackedBundles = t.core.deps.conn.sqlite.prepare('SELECT id FROM sync_outbox ORDER BY seq_from').pluck().all();
    t.core.close();

    const restored = cli('restore', '--data-dir', t.dataDir, backupFile);
    expect(restored.err).toBe('');
    expect(restored.code).toBe(0);

    const after = makeCore({ dataDir: t.dataDir });
    cleanups.push(() => after.core.close());
    const sqlite = after.core.deps.conn.sqlite;
    // The bookkeeping came forward: the county's acknowledgement, the bundles it accepted, the log.
    expect(readSyncState(after.core.deps.conn.db)).toMatchObject({ ackedSeq: highWater, countyUrl: county.url });
    expect(sqlite.prepare('SELECT id FROM sync_outbox ORDER BY seq_from').pluck().all()).toEqual(ackedBundles);
    const relog = sqlite.prepare('SELECT seq, row_id, op FROM change_log WHERE seq > ? ORDER BY seq').all(highWater);
    expect(relog.length).toBeGreaterThan(0);
    // The grid made after the backup is gone here and goes to the county as a tombstone in the log
    // only; the kept grid has its old name.
    const grids = new Map(townshipRows(sqlite, 'grids').map((g) => [g.id, g]));
    expect(grids.has(lost.id)).toBe(false);
    expect(grids.get(kept.id)).toMatchObject({ name: '留下的网格', deleted_at: null });
    const tombstone = sqlite
      .prepare(
        "SELECT op, json_extract(data, '$.deleted_at') AS deletedAt FROM change_log WHERE row_id = ? AND seq > ?",
      )
      .all(lost.id, highWater);
    expect(tombstone).toEqual([{ op: 'delete', deletedAt: expect.any(String) }]);

    // Work after the restore: a fresh grid code, never the tombstoned one's.
    const admin = after.login('admin', PASSWORD);
    const fresh = after.ok(
      'org.createGrid',
      { villageId: village!.id, type: 'village', name: '恢复后新建', households: 3, residents: 4 },
      admin,
    );
    expect(fresh.code).not.toBe(lost.code);
    const r = await pushOnce(after.core.deps, { force: true });
    expect(r).toMatchObject({ error: null, pendingChanges: 0 });

    // Row by row, the county equals the township, plus the tombstones of what the backup lacked.
    for (const { name } of syncedTableInfo()) {
      const here = townshipRows(sqlite, name);
      const ids = new Set(here.map((r) => r.id));
      const there = countyRows(county.db.sqlite, name, TOWNSHIP);
      expect(
        there.filter((r) => ids.has(r.id)),
        name,
      ).toEqual(here);
      const extra = there.filter((r) => !ids.has(r.id));
      expect(
        extra.map((r) => r.id),
        name,
      ).toEqual(name === 'grids' ? [lost.id] : []);
      expect(
        extra.every((r) => r.deleted_at !== null),
        name,
      ).toBe(true);
    }
    const last = sqlite.prepare('SELECT max(seq) FROM change_log').pluck().get();
    expect(county.db.sqlite.prepare('SELECT last_seq FROM county_townships').pluck().get()).toBe(last);
    // Nothing was refused on the way: no sequence was ever offered twice.
    expect(sqlite.prepare("SELECT count(*) FROM sync_outbox WHERE status <> 'acked'").pluck().get()).toBe(0);
  });
});
