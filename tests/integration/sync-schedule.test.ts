import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openCore } from '../../main/core/app';
import type { Clock } from '../../main/core/clock';
import { fileKeyStore, SEALED_SUFFIX } from '../../main/core/sync/keystore';
import { fingerprint, generateOkpKey, toPublicJwk } from '../../main/core/sync/jwk';
import type { FetchLike } from '../../main/core/sync/county-client';
import type { Timers } from '../../main/core/sync/scheduler';
import { syncedTableInfo } from '../../main/core/sync/registry';
import { readSyncState } from '../../main/core/sync/state';
import { openCountyDb } from '../../county-server/db';
import { generateCountyKey, registerTownshipKey } from '../../county-server/keys';
import { countyPaths } from '../../county-server/paths';
import { startCountyServer, type CountyServer } from '../../county-server/server';
import { makeTownship, tempDir, TOWNSHIP } from '../helpers/core';
import { freePort } from '../helpers/hold-proxy';
import { countyRows, townshipRows } from '../helpers/sync';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** A clock and timers the test moves by hand: nothing fires until `advance` says so. */
function manualTime(start = Date.parse('2026-11-27T08:00:00Z')) {
  let now = start;
  let nextId = 0;
  const due = new Map<number, { at: number; fn: () => void }>();
  const clock: Clock = { now: () => new Date(now) };
  const timers: Timers = {
    setTimeout(fn, ms) {
      due.set(++nextId, { at: now + ms, fn });
      return nextId;
    },
    clearTimeout: (h) => void due.delete(h as number),
  };
  return {
    clock,
    timers,
    /** Moves time on by `ms`, firing every timer that comes due on the way, in order. */
    advance(ms: number) {
      const end = now + ms;
      for (;;) {
        const next = [...due.entries()].filter(([, t]) => t.at <= end).sort((a, b) => a[1].at - b[1].at)[0];
        if (!next) break;
        due.delete(next[0]);
        now = Math.max(now, next[1].at);
        next[1].fn();
      }
      now = end;
    },
    armed: () => [...due.values()].map((t) => t.at - now).sort((a, b) => a - b),
  };
}

/** Counts uploads and the most that were ever in flight at once. */
function countingFetch() {
  const stats = { calls: 0, inFlight: 0, maxInFlight: 0 };
  const f: FetchLike = async (url, init) => {
    stats.calls++;
    stats.maxInFlight = Math.max(stats.maxInFlight, ++stats.inFlight);
    try {
      return await fetch(url, init);
    } finally {
      stats.inFlight--;
    }
  };
  return { fetch: f, stats };
}

function countyFor(t: ReturnType<typeof makeTownship>) {
  const dir = tempDir('zongzhi-county-');
  const key = generateCountyKey(countyPaths(dir).keysDir);
  const db = openCountyDb(countyPaths(dir).dbFile);
  registerTownshipKey(db, TOWNSHIP, JSON.stringify(t.core.deps.keys.townshipKey().publicJwk), new Date().toISOString());
  db.close();
  return {
    publicJwk: fs.readFileSync(key.publicFile, 'utf8'),
    fingerprint: key.fingerprint,
    start: async (port: number) => {
      const server = await startCountyServer({ dataDir: dir, port });
      cleanups.push(() => server.close());
      return server;
    },
  };
}

function addGrids(t: ReturnType<typeof makeTownship>, n: number, from = 0) {
  const villages = t.ok<{ id: string }[]>('org.listVillages', {}, t.clerk);
  for (let i = from; i < from + n; i++) {
    t.ok(
      'org.createGrid',
      { villageId: villages[i % villages.length]!.id, type: 'village', name: `网格${i}`, households: 9, residents: 20 },
      t.clerk,
    );
  }
}

function expectExactlyOnce(t: ReturnType<typeof makeTownship>, county: CountyServer) {
  for (const { name } of syncedTableInfo()) {
    expect(countyRows(county.db.sqlite, name, TOWNSHIP), name).toEqual(townshipRows(t.core.deps.conn.sqlite, name));
  }
  const total = t.count('change_log');
  const c = county.db.sqlite.prepare('SELECT last_seq, change_count FROM county_townships').get();
  expect(c).toEqual({ last_seq: total, change_count: total });
}

describe('the upload schedule', () => {
  it('passes at start, backs off while the county is down, and delivers everything exactly once when it is up', async () => {
    const time = manualTime();
    const counting = countingFetch();
    const t = makeTownship({
      clock: time.clock,
      sync: { timers: time.timers, fetch: counting.fetch, random: () => 0.5 },
    });
    cleanups.push(() => t.core.shutdown());
    const sched = t.core.deps.sync;
    const county = countyFor(t);
    const port = await freePort();
    const set = t.ok(
      'sync.setCounty',
      { url: `http://127.0.0.1:${port}/`, countyKey: county.publicJwk, intervalMinutes: 20 },
      t.admin,
    );
    expect(set).toEqual({
      countyUrl: `http://127.0.0.1:${port}`,
      countyKeyFingerprint: county.fingerprint,
      intervalMinutes: 20,
    });
    addGrids(t, 3); // entered while the county is down

    sched.start();
    expect(sched.running()).toBe(true);
    time.advance(0);
    await sched.idle();
    let status = t.ok('sync.status', {}, t.clerk);
    expect(status.lastError).toContain('无法连接县级服务器');
    expect(status.lastError).toContain('连接被拒绝');
    expect(status.pendingChanges).toBe(t.count('change_log'));
    expect(status.nextAttemptAt).toBe(new Date(time.clock.now().getTime() + 60_000).toISOString()); // back-off: 1 min
    expect(status.outbox).toMatchObject([{ status: 'pending', attempts: 1, nextAttemptAt: status.nextAttemptAt }]);
    expect(time.armed()).toEqual([60_000]);

    // Half-way through the back-off nothing is tried; more work comes in meanwhile.
    time.advance(30_000);
    await sched.idle();
    expect(counting.stats.calls).toBe(1);
    addGrids(t, 2, 3);

    const server = await county.start(port);
    time.advance(30_000);
    expect(sched.running()).toBe(true);
    await sched.idle();
    status = t.ok('sync.status', {}, t.clerk);
    expect(status).toMatchObject({ pendingChanges: 0, lastError: null, failures: 0, passRunning: false });
    expect(status.lastSuccessAt).toBe(time.clock.now().toISOString());
    expect(status.outbox.map((r: { status: string }) => r.status)).toEqual(['acked', 'acked']);
    expect(status.outbox[1]).toMatchObject({ attempts: 2, nextAttemptAt: null }); // the first bundle, re-sent
    expectExactlyOnce(t, server);
    // Back to the interval once everything is through.
    expect(time.armed()).toEqual([20 * 60_000]);
    expect(status.nextAttemptAt).toBe(new Date(time.clock.now().getTime() + 20 * 60_000).toISOString());

    // A timed pass after the interval carries new work; 立即上报 during a pass runs one more, never two at once.
    addGrids(t, 1, 5);
    time.advance(20 * 60_000);
    expect(t.ok('sync.pushNow', {}, t.clerk)).toEqual({ started: true });
    addGrids(t, 1, 6);
    await sched.idle();
    expect(t.ok('sync.status', {}, t.clerk).pendingChanges).toBe(0);
    expect(counting.stats.maxInFlight).toBe(1);
    expectExactlyOnce(t, server);

    await sched.stop();
    expect(time.armed()).toEqual([]);
    expect(t.ok('sync.pushNow', {}, t.admin)).toEqual({ started: false });
  });

  it('waits quietly until the county is set, and a new interval takes effect at once', async () => {
    const time = manualTime();
    const t = makeTownship({ clock: time.clock, sync: { timers: time.timers } });
    cleanups.push(() => t.core.shutdown());
    t.core.deps.sync.start();
    time.advance(0);
    await t.core.deps.sync.idle();
    const status = t.ok('sync.status', {}, t.reviewer);
    expect(status).toMatchObject({ lastError: '尚未设置县级服务器地址', failures: 0, intervalMinutes: 30 });
    expect(time.armed()).toEqual([30 * 60_000]);
    const r = t.call('sync.pushNow', {}, t.clerk);
    expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringContaining('尚未设置') } });

    const key = JSON.stringify(toPublicJwk(generateOkpKey('X25519')));
    t.ok('sync.setCounty', { url: 'https://county.example.cn/zongzhi', countyKey: key, intervalMinutes: 5 }, t.admin);
    expect(time.armed()).toEqual([5 * 60_000]);
  });
  it('shuts down without waiting on a county that never answers; the bundle goes again later', async () => {
    const time = manualTime();
    let asked = 0;
    const hang: FetchLike = () => {
      asked++;
      return new Promise(() => {});
    };
    const t = makeTownship({ clock: time.clock, sync: { timers: time.timers, fetch: hang } });
    const key = JSON.stringify(toPublicJwk(generateOkpKey('X25519')));
    t.ok('sync.setCounty', { url: 'http://127.0.0.1:9', countyKey: key }, t.admin);
    t.core.deps.sync.start();
    time.advance(0);
    await expect.poll(() => asked).toBe(1);
    expect(t.ok('sync.status', {}, t.clerk)).toMatchObject({ passRunning: true, outbox: [{ status: 'uploading' }] });
    // The pass never answers: shutdown returning at all shows it stopped waiting for it.
    await t.core.shutdown(100);
    expect(t.core.deps.conn.sqlite.open).toBe(false);
    const reopened = openCore({ dataDir: t.dataDir });
    cleanups.push(() => reopened.close());
    const rows = reopened.deps.conn.sqlite.prepare('SELECT status, attempts FROM sync_outbox').all();
    expect(rows).toEqual([{ status: 'uploading', attempts: 1 }]); // nextUnsent() sends it again, same bytes
  });
});

describe('cli push (without --once)', () => {
  it('runs the same schedule: delivers at start, saves the interval, stops cleanly on SIGINT', async () => {
    const t = makeTownship();
    const county = countyFor(t);
    t.core.deps.keys.importCountyKey(county.publicJwk);
    addGrids(t, 2);
    const { dataDir } = t;
    t.core.close();
    const port = await freePort();
    const server = await county.start(port);
    const root = path.resolve(import.meta.dirname, '../..');
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        path.join(root, 'main/cli.ts'),
        'push',
        '--data-dir',
        dataDir,
        '--url',
        server.url,
        '--interval',
        '7',
      ],
      { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let output = '';
    child.stdout.on('data', (c: Buffer) => (output += c.toString('utf8')));
    child.stderr.on('data', (c: Buffer) => (output += c.toString('utf8')));
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    await expect.poll(() => output, { timeout: 20_000 }).toContain('县级已全部收到');
    child.kill('SIGINT');
    expect(await exited).toBe(0);
    expect(output).toContain('每 7 分钟上报一次');
    const reopened = openCore({ dataDir });
    cleanups.push(() => reopened.close());
    expect(readSyncState(reopened.deps.conn.db)).toMatchObject({
      intervalMinutes: 7,
      countyUrl: server.url,
      failures: 0,
    });
    const c = server.db.sqlite.prepare('SELECT last_seq FROM county_townships').pluck().get();
    expect(c).toBe(reopened.deps.conn.sqlite.prepare('SELECT max(seq) FROM change_log').pluck().get());
  });
});

describe('sync methods', () => {
  it('checks the address and key, keeps them to the administrator, and shows both fingerprints', () => {
    const t = makeTownship();
    cleanups.push(() => t.core.close());
    const county = generateOkpKey('X25519');
    const jwk = JSON.stringify(toPublicJwk(county));
    expect(t.ok('sync.checkCountyKey', { countyKey: jwk }, t.admin)).toEqual({
      kid: county.kid,
      fingerprint: fingerprint(county.kid),
    });
    const bad = (input: object, path: string, message: string | RegExp) =>
      expect(t.call('sync.setCounty', input, t.admin)).toMatchObject({
        ok: false,
        error: { code: 'VALIDATION', issues: [{ path: [path], message: expect.stringMatching(message) }] },
      });
    bad({ url: 'ftp://county', countyKey: jwk }, 'url', 'http:// 或 https://');
    bad({ url: '县综治中心', countyKey: jwk }, 'url', '地址不正确');
    bad({ url: 'http://county', countyKey: '{"kty":"OKP"' }, 'countyKey', '不是有效的 JSON');
    bad({ url: 'http://county', countyKey: JSON.stringify(county) }, 'countyKey', '含有私钥');
    const ed = JSON.stringify(toPublicJwk(generateOkpKey('Ed25519')));
    bad({ url: 'http://county', countyKey: ed }, 'countyKey', 'X25519');
    bad({ url: 'http://county', intervalMinutes: 0 }, 'intervalMinutes', '至少 1 分钟');
    for (const who of [t.clerk, t.reviewer]) {
      expect(t.call('sync.setCounty', { url: 'http://county', countyKey: jwk }, who)).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN' },
      });
    }
    expect(t.ok('sync.status', {}, t.clerk)).toMatchObject({ countyUrl: null, countyKeyFingerprint: null });

    t.ok('sync.setCounty', { url: ' http://10.1.2.3:8750/ ', countyKey: jwk }, t.admin);
    const own = t.core.deps.keys.townshipKey();
    const status = t.ok('sync.status', {}, t.clerk);
    expect(status).toMatchObject({
      countyUrl: 'http://10.1.2.3:8750',
      countyKeyFingerprint: fingerprint(county.kid),
      townshipKeyFingerprint: fingerprint(own.kid),
      intervalMinutes: 30,
      pendingChanges: t.count('change_log'),
      lastSuccessAt: null,
      passRunning: false,
      outbox: [],
      outboxTotal: 0,
    });
    expect(JSON.parse(status.townshipPublicKey)).toEqual(own.publicJwk);
    // The address alone can change later; the key stays.
    t.ok('sync.setCounty', { url: 'http://10.1.2.4:8750', intervalMinutes: 60 }, t.admin);
    expect(readSyncState(t.core.deps.conn.db)).toMatchObject({
      countyUrl: 'http://10.1.2.4:8750',
      intervalMinutes: 60,
    });
    expect(t.core.deps.keys.countyKey()?.kid).toBe(county.kid);
    const audit = t.ok('audit.list', {}, t.admin);
    expect(audit.filter((e: { method: string }) => e.method === 'sync.setCounty')).toHaveLength(2);
  });

  it('seals the township private key when the host provides a sealer, taking over a plain key file', () => {
    const dir = tempDir('zongzhi-keys-');
    const plain = fileKeyStore(dir).townshipKey();
    const sealer = {
      seal: (text: string) => Buffer.from(Buffer.from(text, 'utf8').map((b) => b ^ 0x5a)),
      open: (data: Buffer) => Buffer.from(data.map((b) => b ^ 0x5a)).toString('utf8'),
    };
    const sealed = fileKeyStore(dir, sealer).townshipKey();
    expect(sealed.kid).toBe(plain.kid);
    const files = fs.readdirSync(dir).sort();
    expect(files).toEqual(['township-ed25519.private.jwk' + SEALED_SUFFIX, 'township-ed25519.public.jwk']);
    expect(fs.readFileSync(`${dir}/${files[0]}`, 'utf8')).not.toContain('"d"');
    expect(fileKeyStore(dir, sealer).townshipKey().kid).toBe(plain.kid);
    // A fresh folder gets a sealed key from the start.
    const fresh = tempDir('zongzhi-keys-');
    fileKeyStore(fresh, sealer).townshipKey();
    expect(fs.readdirSync(fresh).sort()).toEqual(files);
  });
});
