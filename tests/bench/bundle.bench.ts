/**
 * Push benchmark: 100,000 changes read from the log, bundled, signed, encrypted, uploaded over
 * loopback to a real county server, verified, decrypted and applied — against plain gzip +
 * AES-256-GCM of the same JSON-lines bytes measured in the same run, so the ratio shows what the
 * JOSE layers, HTTP and the county's apply cost on top of the unavoidable work.
 * Run: npx tsx tests/bench/bundle.bench.ts [changes]
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import { openCore } from '../../main/core/app';
import { newId } from '../../main/core/ids';
import { DEFAULT_BUNDLE_LIMITS, readPendingChanges } from '../../main/core/sync/build';
import { updateSyncState } from '../../main/core/sync/state';
import { pushOnce } from '../../main/core/sync/uploader';
import { countyPaths } from '../../county-server/paths';
import { generateCountyKey, registerTownshipKey } from '../../county-server/keys';
import { startCountyServer } from '../../county-server/server';
import { PASSWORD, tempDir, TOWNSHIP } from '../helpers/core';

const CHANGES = Number(process.argv[2] ?? 100_000);
const TARGET_MS = 10_000;
const gzip = promisify(zlib.gzip);
const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;

// ---- a township with CHANGES pending changes (half inserts, half updates of party groups) ----
const core = openCore({ dataDir: tempDir('zongzhi-bench-') });
const call = (method: string, input: unknown, session?: string) => {
  const r = core.dispatch({ method, input, session });
  if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
  return r.data as { id: string; session: string };
};
call('setup.init', { townshipCode: TOWNSHIP, adminUsername: 'admin', adminDisplayName: '张主任', password: PASSWORD });
const admin = call('auth.login', { username: 'admin', password: PASSWORD }).session;
const villageId = (core.deps.conn.sqlite.prepare('SELECT id FROM villages LIMIT 1').pluck().get() as string)!;
const grid = call('org.createGrid', { villageId, type: 'village', name: '一网格', households: 1, residents: 1 }, admin);
const { sqlite } = core.deps.conn;
const already = sqlite.prepare('SELECT count(*) FROM change_log').pluck().get() as number;
const inserts = Math.ceil((CHANGES - already) / 2);
sqlite.transaction(() => {
  const now = new Date().toISOString();
  const insert = sqlite.prepare(
    `INSERT INTO party_groups (id, created_at, updated_at, updated_by, grid_id, name, leader_name, member_count)
     VALUES (?, ?, ?, 'bench', ?, ?, ?, ?)`,
  );
  const ids: string[] = [];
  for (let i = 0; i < inserts; i++) {
    const id = newId();
    ids.push(id);
    insert.run(id, now, now, grid.id, `第${i}党小组`, `组长${i % 1000}`, i % 30);
  }
  const update = sqlite.prepare('UPDATE party_groups SET member_count = member_count + 1, updated_at = ? WHERE id = ?');
  for (const id of ids.slice(0, CHANGES - already - inserts)) update.run(now, id);
})();
const total = sqlite.prepare('SELECT max(seq) FROM change_log').pluck().get() as number;

// ---- the county ----
const countyDir = tempDir('zongzhi-bench-county-');
const countyKey = generateCountyKey(countyPaths(countyDir).keysDir);
const county = await startCountyServer({ dataDir: countyDir });
core.deps.keys.importCountyKey(fs.readFileSync(countyKey.publicFile, 'utf8'));
registerTownshipKey(
  county.db,
  TOWNSHIP,
  JSON.stringify(core.deps.keys.townshipKey().publicJwk),
  new Date().toISOString(),
);

// ---- end to end, through the real uploader (outbox rows, receipts stored) ----
updateSyncState(core.deps.conn.db, { countyUrl: county.url });
const t0 = performance.now();
const pushed = await pushOnce(core.deps, { force: true });
const endToEnd = performance.now() - t0;
if (pushed.error) throw new Error(pushed.error);
const { bundles, wire } = sqlite
  .prepare("SELECT count(*) AS bundles, sum(length(body)) AS wire FROM sync_outbox WHERE status = 'acked'")
  .get() as { bundles: number; wire: number };
const applied = county.db.sqlite.prepare('SELECT last_seq FROM county_townships').pluck().get();
const countyGroups = county.db.sqlite.prepare('SELECT count(*) FROM party_groups').pluck().get();
if (applied !== total || countyGroups !== inserts) throw new Error(`县级数据不完整：${applied}/${total}`);

// ---- baseline: gzip + AES-256-GCM of the same lines, chunked the same way ----
const chunks: Buffer[] = [];
for (let after = 0; after < total;) {
  const p = readPendingChanges(sqlite, after, DEFAULT_BUNDLE_LIMITS);
  chunks.push(Buffer.from(p.lines.join('\n') + '\n'));
  after = p.lastSeq;
}
const plain = chunks.reduce((n, c) => n + c.length, 0);
const key = crypto.randomBytes(32);
const s0 = performance.now();
for (const chunk of chunks) {
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv('aes-256-gcm', key, iv);
  Buffer.concat([cipher.update(await gzip(chunk)), cipher.final(), cipher.getAuthTag()]);
}
const baseline = performance.now() - s0;

await county.close();
core.close();

console.log(`变更 ${total} 条，${bundles} 个包；明文 ${mb(plain)}，上传 ${mb(wire)}`);
console.log(
  `端到端（读日志+压缩+签名+加密+存发件箱+环回上传+验签+解密+县级入库+存回执）：${(endToEnd / 1000).toFixed(2)} s`,
);
console.log(`同样字节只做 gzip + AES-256-GCM：${(baseline / 1000).toFixed(2)} s`);
console.log(`比值（端到端 / 基线）：${(endToEnd / baseline).toFixed(1)}×`);
console.log(`目标 < ${TARGET_MS / 1000} s：${endToEnd < TARGET_MS ? '达到' : '未达到'}`);
