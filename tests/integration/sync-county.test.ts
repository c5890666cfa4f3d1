import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeBundle, type EncodedBundle } from '../../main/core/sync/bundle';
import { buildNextBundle, type BundleLimits } from '../../main/core/sync/build';
import { generateOkpKey, privateKeyOf, toPublicJwk } from '../../main/core/sync/jwk';
import { syncedTableInfo } from '../../main/core/sync/registry';
import { newId } from '../../main/core/ids';
import { countyPaths } from '../../county-server/paths';
import { generateCountyKey, registerTownshipKey } from '../../county-server/keys';
import { startCountyServer, type CountyServer } from '../../county-server/server';
import { makeTownship, tempDir, TOWNSHIP } from '../helpers/core';
import { countyRows, getJson, putBundle, townshipRows } from '../helpers/sync';

type Township = ReturnType<typeof makeTownship>;
const MAX_BODY = 256 * 1024;
let county: CountyServer;
let t: Township;
let acked = 0;

const source = () => ({
  sqlite: t.core.deps.conn.sqlite,
  keys: t.core.deps.keys,
  pii: t.core.deps.pii,
  now: () => new Date(),
});
const build = (after = acked, limits?: BundleLimits) => buildNextBundle(source(), after, limits);

/** Builds and uploads until the log is empty, as the uploader will; returns the receipts. */
async function pushAll(limits?: BundleLimits) {
  const receipts = [];
  for (let b = await build(acked, limits); b; b = await build(acked, limits)) {
    const r = await putBundle(county.url, b.header.bundleId, b.body);
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    receipts.push(r.body.receipt);
    acked = r.body.receipt.seqTo;
  }
  return receipts;
}

/** Everything the county holds, to prove a refusal changed nothing. */
function countyState() {
  const db = county.db.sqlite;
  return {
    bundles: db.prepare('SELECT count(*) FROM county_bundles').pluck().get(),
    // All but the note of the last refusal, which the status page shows.
    townships: db
      .prepare(
        `SELECT code, registered_at, last_seq, last_bundle_id, last_received_at, bundle_count, change_count
         FROM county_townships`,
      )
      .all(),
    rows: syncedTableInfo().map((i) => db.prepare(`SELECT count(*) FROM "${i.name}"`).pluck().get()),
  };
}

async function expectRefused(body: string | Buffer, id: string, status: number, code: string) {
  const before = countyState();
  const r = await putBundle(county.url, id, body);
  expect(r.status, JSON.stringify(r.body)).toBe(status);
  expect(r.body.error.code).toBe(code);
  expect(r.body.error.message).toMatch(/[\u4e00-\u9fff]/);
  expect(countyState()).toEqual(before);
  return r.body.error;
}

function expectCountyEqualsTownship() {
  for (const { name } of syncedTableInfo()) {
    const mine = townshipRows(t.core.deps.conn.sqlite, name);
    expect(countyRows(county.db.sqlite, name, TOWNSHIP), name).toEqual(mine);
  }
}

function village(name: string): string {
  return t.ok<{ id: string; name: string }[]>('org.listVillages', {}, t.clerk).find((v) => v.name === name)!.id;
}

function makeChanges(n: number) {
  const villageId = village('玉井村');
  for (let i = 0; i < n; i++) {
    const g = t.ok(
      'org.createGrid',
      { villageId, type: 'village', name: `网格${i}`, households: 10, residents: 30 },
      t.clerk,
    );
    const p = t.ok('org.savePartyGroup', { gridId: g.id, name: `党小组${i}`, memberCount: 3 }, t.clerk);
    if (i % 2) t.ok('org.deletePartyGroup', { id: p.id }, t.clerk);
  }
}

beforeAll(async () => {
  const countyDir = tempDir('zongzhi-county-');
  const k = generateCountyKey(countyPaths(countyDir).keysDir);
  county = await startCountyServer({ dataDir: countyDir, maxBodyBytes: MAX_BODY });
  t = makeTownship();
  t.core.deps.keys.importCountyKey(fs.readFileSync(k.publicFile, 'utf8'));
  const townshipPub = fs.readFileSync(path.join(t.core.paths.keysDir, 'township-ed25519.public.jwk'), 'utf8');
  registerTownshipKey(county.db, TOWNSHIP, townshipPub, new Date().toISOString());
});

afterAll(async () => {
  await county?.close();
  t?.core.close();
});

describe('county server on loopback', () => {
  it('receives every change in contiguous bundles; its database equals the township row by row', async () => {
    makeChanges(6);
    const receipts = await pushAll({ maxChanges: 10, maxBytes: 1024 * 1024 });
    const total = t.count('change_log');
    expect(receipts.length).toBe(Math.ceil(total / 10));
    expect(receipts.map((r) => r.seqFrom)).toEqual(receipts.map((_, i) => i * 10 + 1));
    expect(receipts.at(-1)).toMatchObject({ township: TOWNSHIP, seqTo: total });
    expectCountyEqualsTownship();
    expect(await build()).toBeNull();

    const viaProxy = await getJson(`${county.url}/api/v1/status`, { 'x-forwarded-for': '203.0.113.9' });
    expect(viaProxy).toMatchObject({ status: 403, body: { error: { code: 'LOCAL_ONLY' } } });
    const status = (await getJson(`${county.url}/api/v1/status`)).body;
    expect(status.townships).toEqual([
      expect.objectContaining({
        code: TOWNSHIP,
        name: '玉井镇',
        lastSeq: total,
        lastBundleId: receipts.at(-1).bundleId,
        bundleCount: receipts.length,
        changeCount: total,
        rows: {
          township: 1,
          villages: 18,
          grids: 6,
          party_groups: 3,
          persons: 0,
          posts: 0,
          trainings: 0,
          cases: 0,
          case_events: 0,
          case_attachments: 0,
          case_parties: 0,
          case_emergency_reports: 0,
          case_categories: 5, // the default taxonomy, seeded at setup
          household_visits: 0,
          buildings: 0,
          work_logs: 0,
        },
      }),
    ]);
  });

  it('bounds a bundle by bytes as well as by count', async () => {
    makeChanges(2);
    const b = (await build(acked, { maxChanges: 1000, maxBytes: 1500 }))!;
    expect(b.header.count).toBeGreaterThan(0);
    expect(b.header.count).toBeLessThan(t.count('change_log') - acked);
    expect(b.plainBytes).toBeLessThan(1500 + 1000);
    await pushAll({ maxChanges: 1000, maxBytes: 1500 });
    expectCountyEqualsTownship();
  });

  it('answers an identical repeat with the original receipt, and the same id with other content with 409', async () => {
    makeChanges(1);
    const b = (await build())!;
    const first = await putBundle(county.url, b.header.bundleId, b.body);
    expect(first.status).toBe(201);
    const before = countyState();
    const again = await putBundle(county.url, b.header.bundleId, b.body);
    expect(again).toEqual({ status: 200, body: first.body });
    expect(countyState()).toEqual(before);
    acked = first.body.receipt.seqTo;
    // Re-encrypting the same content gives other bytes: under the same id that is a conflict.
    const reencrypted = await rebuild(b);
    await expectRefused(reencrypted.body, b.header.bundleId, 409, 'ID_CONFLICT');
  });

  it('refuses a gap with the expected start; the township resends from there', async () => {
    makeChanges(2);
    const first = (await build(acked, { maxChanges: 2, maxBytes: 1 << 20 }))!;
    const second = (await build(first.header.seqTo, { maxChanges: 2, maxBytes: 1 << 20 }))!;
    const err = await expectRefused(second.body, second.header.bundleId, 409, 'SEQ_GAP');
    expect(err.expectedSeqFrom).toBe(acked + 1);
    expect((await putBundle(county.url, first.header.bundleId, first.body)).status).toBe(201);
    expect((await putBundle(county.url, second.header.bundleId, second.body)).status).toBe(201);
    acked = second.header.seqTo;
    await pushAll();
    expectCountyEqualsTownship();
  });

  it('refuses a flipped byte, a wrong signing key, an unregistered township, a replay and an oversized body', async () => {
    makeChanges(1);
    const b = (await build())!;
    const id = b.header.bundleId;
    const at = b.body.length - 30;
    const flipped = b.body.slice(0, at) + (b.body[at] === 'A' ? 'B' : 'A') + b.body.slice(at + 1);
    await expectRefused(flipped, id, 400, 'BAD_BUNDLE');

    const lines = logLines(acked);
    const fields = { ...b.header, bundleId: newId() };
    const stranger = generateOkpKey('Ed25519');
    const strangerKey = { kid: stranger.kid, privateKey: privateKeyOf(stranger), publicJwk: toPublicJwk(stranger) };
    const recipient = t.core.deps.keys.countyKey()!;
    const unsigned = await encodeBundle(fields, lines, strangerKey, recipient);
    await expectRefused(unsigned.body, fields.bundleId, 403, 'UNKNOWN_SENDER');
    // The registered key id, but signed with another key.
    const forged = await encodeBundle(
      fields,
      lines,
      { ...strangerKey, kid: t.core.deps.keys.townshipKey().kid },
      recipient,
    );
    await expectRefused(forged.body, fields.bundleId, 403, 'BAD_SIGNATURE');
    // A township the county never registered, with its own key.
    const elsewhere = { ...fields, township: '140621101' };
    await expectRefused(
      (await encodeBundle(elsewhere, lines, strangerKey, recipient)).body,
      fields.bundleId,
      403,
      'UNKNOWN_SENDER',
    );

    expect((await putBundle(county.url, id, b.body)).status).toBe(201);
    acked = b.header.seqTo;
    // Replays: the accepted bundle under a new id, and a new bundle of an already accepted range.
    await expectRefused(b.body, newId(), 400, 'ID_MISMATCH');
    const stale = (await build(0))!;
    const replay = await expectRefused(stale.body, stale.header.bundleId, 409, 'SEQ_REPLAY');
    expect(replay.expectedSeqFrom).toBe(acked + 1);

    await expectRefused(Buffer.alloc(MAX_BODY + 1, 'A'), newId(), 413, 'TOO_LARGE');
    expectCountyEqualsTownship();
  });
  it('refuses rows a township may not write: a table that is not synced, or another township’s record', async () => {
    const recipient = t.core.deps.keys.countyKey()!;
    const bundle = (lines: string[], township = TOWNSHIP, key = t.core.deps.keys.townshipKey()) =>
      encodeBundle(
        {
          township,
          bundleId: newId(),
          seqFrom: acked + 1,
          seqTo: acked + lines.length,
          schemaVersion: 2,
          createdAt: new Date().toISOString(),
        },
        lines,
        key,
        recipient,
      );
    const line = (seq: number, table: string, row: Record<string, unknown>) =>
      JSON.stringify({ seq, table, id: row.id, op: 'update', at: '2026-11-26T08:00:00.000Z', row });
    const users = await bundle([line(acked + 1, 'users', { id: newId(), password_hash: 'x' })]);
    await expectRefused(users.body, users.header.bundleId, 422, 'UNKNOWN_TABLE');

    // A second township, registered, tries to overwrite one of 玉井镇's villages.
    const other = generateOkpKey('Ed25519');
    registerTownshipKey(county.db, '140621101', JSON.stringify(toPublicJwk(other)), new Date().toISOString());
    const otherKey = { kid: other.kid, privateKey: privateKeyOf(other), publicJwk: toPublicJwk(other) };
    const victim = townshipRows(t.core.deps.conn.sqlite, 'villages')[0]!;
    const saved = acked;
    acked = 0;
    const hijack = await bundle([line(1, 'villages', { ...victim, name: '被改写' })], '140621101', otherKey);
    acked = saved;
    await expectRefused(hijack.body, hijack.header.bundleId, 409, 'FOREIGN_ROW');
    expectCountyEqualsTownship();
  });
});

/** The township's log after `seq` as bundle lines (for hand-made bundles). */
function logLines(seq: number): string[] {
  const rows = t.core.deps.conn.sqlite
    .prepare('SELECT seq, table_name, row_id, op, at, data FROM change_log WHERE seq > ? ORDER BY seq')
    .all(seq) as { seq: number; table_name: string; row_id: string; op: string; at: string; data: string }[];
  return rows.map((r) =>
    JSON.stringify({ seq: r.seq, table: r.table_name, id: r.row_id, op: r.op, at: r.at, row: JSON.parse(r.data) }),
  );
}

/** The same header and changes encrypted again: same content, other bytes. */
function rebuild(b: EncodedBundle) {
  const { format: _f, senderKid: _s, recipientKid: _r, count: _c, ...fields } = b.header;
  return encodeBundle(
    fields,
    logLines(b.header.seqFrom - 1).slice(0, b.header.count),
    t.core.deps.keys.townshipKey(),
    t.core.deps.keys.countyKey()!,
  );
}
