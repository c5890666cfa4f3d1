import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fingerprint, generateOkpKey, toPublicJwk } from '../../main/core/sync/jwk';
import { syncedTableInfo } from '../../main/core/sync/registry';
import { readSyncState, updateSyncState } from '../../main/core/sync/state';
import { pushOnce } from '../../main/core/sync/uploader';
import { startCountyServer, type CountyServer } from '../../county-server/server';
import { runCli } from '../helpers/cli';
import { makeTownship, tempDir, TOWNSHIP } from '../helpers/core';
import { countyFolderFor, registerAtCounty } from '../helpers/county-setup';
import { freePort, holdingProxy } from '../helpers/hold-proxy';
import { countyRows, townshipRows } from '../helpers/sync';
import { keys } from '../../main/cli/sync-commands';

const root = path.resolve(import.meta.dirname, '../..');
type Township = ReturnType<typeof makeTownship>;
const cli = runCli;
const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** A township that has imported the county's key, and a county data folder (registered unless told not to). */
function setup(opts: { register?: boolean } = {}) {
  const t = makeTownship();
  cleanups.push(() => t.core.close());
  const countyDir = countyFolderFor(t);
  const register = () => registerAtCounty(countyDir, t);
  if (opts.register !== false) register();
  const start = async (port = 0) => {
    const county = await startCountyServer({ dataDir: countyDir, port });
    cleanups.push(() => county.close());
    return county;
  };
  return { t, start, register };
}

function edit(t: Township, n: number) {
  const villages = t.ok<{ id: string }[]>('org.listVillages', {}, t.clerk);
  for (let i = 0; i < n; i++) {
    const villageId = villages[i % villages.length]!.id;
    const g = t.ok(
      'org.createGrid',
      { villageId, type: 'village', name: `网格${i}`, households: 9, residents: 20 },
      t.clerk,
    );
    t.ok('org.updateGrid', { id: g.id, type: 'village', name: `网格${i}号`, households: 10, residents: 21 }, t.clerk);
  }
}

/** The county holds every synced row exactly as the township does, each change applied exactly once. */
function expectExactlyOnce(t: Township, county: CountyServer) {
  for (const { name } of syncedTableInfo()) {
    expect(countyRows(county.db.sqlite, name, TOWNSHIP), name).toEqual(townshipRows(t.core.deps.conn.sqlite, name));
  }
  const c = county.db.sqlite.prepare('SELECT last_seq, change_count, bundle_count FROM county_townships').get();
  const total = t.count('change_log');
  const acked = t.core.deps.conn.sqlite
    .prepare("SELECT count(*) FROM sync_outbox WHERE status = 'acked'")
    .pluck()
    .get();
  expect(c).toEqual({ last_seq: total, change_count: total, bundle_count: acked });
}

const outbox = (t: Township) =>
  t.core.deps.conn.sqlite
    .prepare('SELECT id, status, attempts, last_error FROM sync_outbox ORDER BY seq_from')
    .all() as {
    id: string;
    status: string;
    attempts: number;
    last_error: string | null;
  }[];

describe('push to the county', () => {
  it('keeps changes made while the county is down and delivers them exactly once when it comes up', async () => {
    const { t, start } = setup();
    const port = await freePort();
    updateSyncState(t.core.deps.conn.db, { countyUrl: `http://127.0.0.1:${port}` });
    edit(t, 2);
    const before = t.core.deps.clock.now().getTime();
    const down = await pushOnce(t.core.deps, { limits: { maxChanges: 8, maxBytes: 1 << 20 } });
    expect(down.error).toContain('无法连接县级服务器');
    expect(down.sentBundles).toBe(0);
    expect(down.pendingChanges).toBe(t.count('change_log'));
    const waitMs = Date.parse(down.nextAttemptAt!) - before;
    expect(waitMs).toBeGreaterThan(0.75 * 60_000);
    expect(waitMs).toBeLessThan(1.25 * 60_000);
    const [first] = outbox(t);
    expect(first).toMatchObject({ status: 'pending', attempts: 1 });
    // Within the back-off nothing is tried, unless forced (立即上报).
    expect((await pushOnce(t.core.deps)).error).toBe(down.error);
    expect(outbox(t)[0]!.attempts).toBe(1);

    edit(t, 2); // more work offline
    const county = await start(port);
    const up = await pushOnce(t.core.deps, { force: true, limits: { maxChanges: 8, maxBytes: 1 << 20 } });
    expect(up).toMatchObject({ error: null, pendingChanges: 0, nextAttemptAt: null });
    expect(up.sentChanges).toBe(t.count('change_log'));
    const rows = outbox(t);
    expect(rows[0]).toMatchObject({ id: first!.id, status: 'acked', attempts: 2 }); // the same bundle, re-sent
    expect(rows.every((r) => r.status === 'acked')).toBe(true);
    expect(readSyncState(t.core.deps.conn.db)).toMatchObject({ failures: 0, ackedSeq: t.count('change_log') });
    expectExactlyOnce(t, county);
  });

  it('survives SIGKILL mid-upload: after a restart the county has every change exactly once', async () => {
    const { t, start } = setup();
    const county = await start();
    const proxy = await holdingProxy(county.port);
    cleanups.push(() => proxy.close());
    edit(t, 3);
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        path.join(root, 'main/cli.ts'),
        'push',
        '--once',
        '--data-dir',
        t.dataDir,
        '--url',
        proxy.url,
      ],
      { cwd: root, stdio: 'ignore' },
    );
    const exited = new Promise((resolve) => child.once('exit', resolve));
    await proxy.answered; // the county has applied the bundle; the receipt is held back
    child.kill('SIGKILL');
    await exited;
    const [cut] = outbox(t);
    expect(cut).toMatchObject({ status: 'uploading', attempts: 1 });
    expect(county.db.sqlite.prepare('SELECT count(*) FROM county_bundles').pluck().get()).toBe(1);

    edit(t, 1); // work goes on after the restart
    updateSyncState(t.core.deps.conn.db, { countyUrl: county.url });
    const r = await pushOnce(t.core.deps, { force: true });
    expect(r).toMatchObject({ error: null, pendingChanges: 0 });
    expect(outbox(t)[0]).toMatchObject({ id: cut!.id, status: 'acked', attempts: 2 });
    expectExactlyOnce(t, county);
  });

  it('shows a refusal in Chinese, pauses automatic passes, and resends the changes in a new bundle once resolved', async () => {
    const { t, start, register } = setup({ register: false });
    const county = await start();
    updateSyncState(t.core.deps.conn.db, { countyUrl: county.url });
    edit(t, 1);
    const refused = await pushOnce(t.core.deps, { random: () => 0.5 });
    expect(refused.error).toContain('签名密钥未登记');
    expect(outbox(t)).toMatchObject([{ status: 'rejected' }]);
    expect(readSyncState(t.core.deps.conn.db)).toMatchObject({ failures: 1, nextAttemptAt: null });
    // Refused for good: no rebuild on later passes, however long one waits; the page says what to do.
    const clock = t.core.deps.clock;
    const later = { now: () => new Date(clock.now().getTime() + 24 * 3600_000) };
    const waited = await pushOnce({ ...t.core.deps, clock: later });
    expect(waited).toMatchObject({ sentBundles: 0, nextAttemptAt: null });
    expect(outbox(t)).toMatchObject([{ status: 'rejected', attempts: 1 }]);
    const shown = t.ok('sync.status', {}, t.clerk);
    expect(shown).toMatchObject({ haltedAt: expect.any(String), nextAttemptAt: null });
    expect(shown.lastError).toContain('已暂停自动上报');
    expect(shown.lastError).toContain('立即上报');
    t.core.deps.sync.start(); // the schedule's start-up pass changes nothing and plans no other
    await t.core.deps.sync.idle();
    expect(t.core.deps.sync.nextPassAt()).toBeNull();
    expect(outbox(t)).toHaveLength(1);

    register();
    const r = await pushOnce(t.core.deps, { force: true });
    expect(r.error).toBeNull();
    expect(outbox(t).map((o) => o.status)).toEqual(['rejected', 'acked']);
    expect(readSyncState(t.core.deps.conn.db).haltedAt).toBeNull();
    expectExactlyOnce(t, county);
  });

  it('resumes where the county says when its idea of the sequence differs', async () => {
    const { t, start } = setup();
    const county = await start();
    updateSyncState(t.core.deps.conn.db, { countyUrl: county.url });
    edit(t, 1);
    expect((await pushOnce(t.core.deps)).error).toBeNull();
    // As if the township's sync state came back from an older backup: it would resend from the start.
    updateSyncState(t.core.deps.conn.db, { ackedSeq: 0 });
    edit(t, 1);
    const r = await pushOnce(t.core.deps);
    expect(r.error).toBeNull();
    expect(outbox(t).map((o) => o.status)).toEqual(['acked', 'rejected', 'acked']);
    expectExactlyOnce(t, county);
  });

  it('imports the county key and shows both fingerprints from the CLI, refusing a wrong key in Chinese', async () => {
    const dir = tempDir();
    const county = generateOkpKey('X25519');
    const file = path.join(dir, 'county.jwk');
    fs.writeFileSync(file, JSON.stringify(toPublicJwk(county)));
    const imported = cli('keys', 'import-county', file, '--data-dir', dir);
    expect(imported.code).toBe(0);
    expect(imported.out).toContain(fingerprint(county.kid));
    const shown = cli('keys', 'show', '--data-dir', dir);
    expect(shown.code).toBe(0);
    expect(shown.out).toContain(`县级公钥指纹：${fingerprint(county.kid)}`);
    const own = JSON.parse(fs.readFileSync(path.join(dir, 'keys', 'township-ed25519.public.jwk'), 'utf8'));
    expect(shown.out).toContain(`本乡镇密钥指纹：${fingerprint(own.kid)}`); // the key made at the first start, kept
    for (const f of fs.readdirSync(path.join(dir, 'keys'))) {
      expect(fs.statSync(path.join(dir, 'keys', f)).mode & 0o777, f).toBe(0o600);
    }
    // The refusal is the command's own (run in-process: a third CLI start only costs time).
    fs.writeFileSync(file, JSON.stringify(own));
    await expect(async () => keys.run(['import-county', file, '--data-dir', dir])).rejects.toThrow('crv 为 X25519');
  });
});
