import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openCore } from '../../main/core/app';
import { sweepUploads } from '../../main/core/cases/uploads';
import {
  ATTACHMENT_CHUNK_BYTES,
  ATTACHMENT_MAX_BYTES,
  MAX_OPEN_UPLOADS_PER_USER,
  MAX_STAGED_BYTES,
} from '../../shared/cases/attachment-limits';
import { callAsync, chunksOf, sha256, uploadFile } from '../helpers/attachments';
import { caseInput, makeCaseTownship } from '../helpers/cases';
import { PASSWORD } from '../helpers/core';

let t: ReturnType<typeof makeCaseTownship> | undefined;
afterEach(() => t?.core.close());

/** Every file under a folder, relative paths, sorted. */
function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return (fs.readdirSync(dir, { recursive: true }) as string[])
    .filter((f) => fs.statSync(path.join(dir, f)).isFile())
    .sort();
}

/** What an upload may write: rows, timeline, change log, audit, stored files. */
function written(x: NonNullable<typeof t>) {
  const one = (sql: string) => (x.core.deps.conn.sqlite.prepare(sql).get() as { n: number }).n;
  return {
    attachments: x.count('case_attachments'),
    events: x.count('case_events'),
    changes: one('SELECT count(*) AS n FROM change_log'),
    audit: one("SELECT count(*) AS n FROM audit_log WHERE method LIKE 'cases.%Attachment%'"),
    stored: filesUnder(x.core.deps.attachmentsDir),
  };
}

function begin(x: NonNullable<typeof t>, caseId: string, bytes: Buffer, extra: Record<string, unknown> = {}) {
  return x.call(
    'cases.beginAttachment',
    { caseId, name: '现场.jpg', mime: 'image/jpeg', size: bytes.length, sha256: sha256(bytes), ...extra },
    x.sessions.clerk,
  );
}

describe('chunked attachment uploads', () => {
  it('finishing the same upload twice at once stores it once, and the second call is never an internal error', async () => {
    t = makeCaseTownship();
    const s = t.sessions;
    const c = t.ok('cases.create', caseInput(t.gridA), s.clerk).case;
    const bytes = crypto.randomBytes(2 * ATTACHMENT_CHUNK_BYTES + 7);
    const { uploadId } = t.ok(
      'cases.beginAttachment',
      {
        caseId: c.id,
        name: '现场.jpg',
        mime: 'image/jpeg',
        size: bytes.length,
        sha256: sha256(bytes),
      },
      s.clerk,
    );
    for (const [index, data] of chunksOf(bytes).entries()) {
      expect((await callAsync(t, 'cases.attachmentChunk', { uploadId, index, data }, s.clerk)).ok).toBe(true);
    }
    const both = await Promise.all([1, 2].map(() => callAsync(t!, 'cases.finishAttachment', { uploadId }, s.clerk)));
    // Whichever finishes second either still found the parts (the same file, the same attachment)
    // or found them gone and is told the upload is done — never an internal error.
    const done = both.filter((r) => r.ok).map((r) => (r as { data: { id: string } }).data.id);
    expect(done.length).toBeGreaterThan(0);
    expect(new Set(done).size).toBe(1);
    for (const r of both.filter((x) => !x.ok)) {
      expect(r).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: expect.stringContaining('已完成') } });
    }
    expect(t.count('case_attachments')).toBe(1);
    // Later calls are told the same.
    expect(await callAsync(t, 'cases.finishAttachment', { uploadId }, s.clerk)).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', message: expect.stringContaining('已完成') },
    });
  });

  it('a 3 MB file round-trips byte-identical, stored under its hash, with one row and one timeline entry', async () => {
    t = makeCaseTownship();
    const s = t.sessions;
    const c = t.ok('cases.create', caseInput(t.gridA), s.clerk).case;
    const bytes = crypto.randomBytes(3 * 1024 * 1024 + 12_345); // 7 chunks, the last one short
    expect(chunksOf(bytes)).toHaveLength(7);
    const before = written(t);

    const r = await uploadFile(t, s.clerk, c.id, bytes, '现场全景.jpg');
    expect(r).toMatchObject({ ok: true, data: { name: '现场全景.jpg', size: bytes.length, sha256: sha256(bytes) } });
    const att = (r as { data: { id: string; sha256: string } }).data;
    const stored = path.join(t.core.deps.attachmentsDir, att.sha256.slice(0, 2), att.sha256);
    expect(fs.readFileSync(stored).equals(bytes)).toBe(true);
    // Read back chunk by chunk, as the drawer does: 7 answers of at most 512 KB each.
    const first = t.ok('cases.getAttachment', { id: att.id }, s.clerk);
    expect(first).toMatchObject({ index: 0, chunks: 7, size: bytes.length, sha256: att.sha256 });
    const parts = [
      first,
      ...[1, 2, 3, 4, 5, 6].map((index) => t!.ok('cases.getAttachment', { id: att.id, index }, s.clerk)),
    ];
    const sizes = parts.map((p) => Buffer.from(p.data, 'base64').length);
    expect(sizes).toEqual([...new Array(6).fill(512 * 1024), 12_345]);
    expect(Buffer.concat(parts.map((p) => Buffer.from(p.data, 'base64'))).equals(bytes)).toBe(true);
    expect(t.call('cases.getAttachment', { id: att.id, index: 7 }, s.clerk)).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', issues: [{ path: ['index'], message: '分块序号超出范围：该附件共 7 块（0–6）' }] },
    });
    expect(t.call('cases.getAttachment', { id: att.id, index: -1 }, s.clerk)).toMatchObject({
      error: { code: 'VALIDATION', issues: [{ path: ['index'], message: '分块序号不能为负' }] },
    });

    const after = written(t);
    expect(after.attachments - before.attachments).toBe(1);
    expect(after.events - before.events).toBe(1);
    expect(after.changes - before.changes).toBe(2); // the attachment and its timeline row
    expect(after.audit - before.audit).toBe(1); // finish only: begin and chunks write nothing
    const timeline = t.ok('cases.get', { id: c.id }, s.clerk).events as { action: string; text: string }[];
    expect(timeline.at(-1)).toMatchObject({ action: 'attach', text: '上传附件「现场全景.jpg」（3 MB）' });
    expect(filesUnder(t.core.deps.uploadsDir)).toEqual([]); // the staged chunks are gone

    // The same bytes again on the same case: the same attachment, no second row or entry.
    const again = await uploadFile(t, s.clerk, c.id, bytes, '又一次.jpg');
    expect(again).toMatchObject({ ok: true, data: { id: att.id } });
    expect(written(t)).toMatchObject({ attachments: after.attachments, events: after.events });

    // A file gone from the data folder (a restore from elsewhere, a hand at work) is said so, by name.
    fs.rmSync(stored);
    expect(t.call('cases.getAttachment', { id: att.id, index: 2 }, s.clerk)).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', message: '附件「现场全景.jpg」的文件已不在数据目录中' },
    });
  });

  it('refuses a wrong hash, a missing chunk, an oversized file or chunk and a chunk out of range, writing nothing', async () => {
    t = makeCaseTownship();
    const s = t.sessions;
    const c = t.ok('cases.create', caseInput(t.gridA), s.clerk).case;
    const bytes = crypto.randomBytes(2 * ATTACHMENT_CHUNK_BYTES + 100); // 3 chunks
    const parts = chunksOf(bytes);
    const before = written(t);
    const send = (uploadId: string, index: number, data = parts[index]!) =>
      callAsync(t!, 'cases.attachmentChunk', { uploadId, index, data }, s.clerk);
    const finish = (uploadId: string) => callAsync(t!, 'cases.finishAttachment', { uploadId }, s.clerk);

    // Wrong hash: refused at finish, and the upload is over.
    const wrong = begin(t, c.id, bytes, { sha256: sha256(Buffer.from('别的文件')) });
    const wrongId = (wrong as { data: { uploadId: string } }).data.uploadId;
    for (const i of [0, 1, 2]) expect(await send(wrongId, i)).toMatchObject({ ok: true });
    expect(await finish(wrongId)).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', message: expect.stringContaining('SHA-256 不符') },
    });
    expect(await finish(wrongId)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });

    // A missing chunk: refused, naming it; the upload stays open.
    const gap = (begin(t, c.id, bytes) as { data: { uploadId: string; chunks: number } }).data;
    expect(gap.chunks).toBe(3);
    expect(await send(gap.uploadId, 0)).toMatchObject({ ok: true, data: { received: 1, chunks: 3 } });
    expect(await send(gap.uploadId, 2)).toMatchObject({ ok: true, data: { received: 2 } });
    expect(await finish(gap.uploadId)).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', message: expect.stringContaining('缺少第 2 块（共 3 块）') },
    });

    // Out of range, and a chunk of the wrong size for its place.
    expect(await send(gap.uploadId, 3, parts[2])).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', issues: [{ path: ['index'], message: expect.stringContaining('共 3 块') }] },
    });
    expect(await send(gap.uploadId, 1, parts[2])).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', issues: [{ path: ['data'], message: expect.stringContaining('应为 524288 字节') }] },
    });
    // Oversized: a file over the limit is refused at begin; a chunk over 512 KB by the schema.
    expect(begin(t, c.id, bytes, { size: ATTACHMENT_MAX_BYTES + 1 })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', issues: [{ path: ['size'], message: '文件过大：单个附件不能超过 20 MB' }] },
    });
    const big = crypto.randomBytes(ATTACHMENT_CHUNK_BYTES + 3).toString('base64');
    expect(await send(gap.uploadId, 0, big)).toMatchObject({
      ok: false,
      error: {
        code: 'VALIDATION',
        issues: [{ path: ['data'], message: expect.stringContaining('每块不超过 512 KB') }],
      },
    });
    // Only who began it may go on.
    const other = await callAsync(
      t,
      'cases.attachmentChunk',
      { uploadId: gap.uploadId, index: 1, data: parts[1] },
      s.reviewer,
    );
    expect(other).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });

    expect(written(t)).toEqual(before);

    // The missing chunk sent, the same upload finishes.
    expect(await send(gap.uploadId, 1)).toMatchObject({ ok: true, data: { received: 3 } });
    expect(await finish(gap.uploadId)).toMatchObject({ ok: true, data: { sha256: sha256(bytes) } });
    expect(written(t).attachments).toBe(before.attachments + 1);
  });

  it('cleans abandoned uploads: idle over an hour while running, all at start', () => {
    t = makeCaseTownship();
    const c = t.ok('cases.create', caseInput(t.gridA), t.sessions.clerk).case;
    const bytes = Buffer.from('一张照片');
    const ids = [0, 1].map(
      (i) => (begin(t!, c.id, bytes, { name: `${i}.jpg` }) as { data: { uploadId: string } }).data.uploadId,
    );
    const dir = t.core.deps.uploadsDir;
    const old = (Date.now() - 61 * 60_000) / 1000;
    fs.utimesSync(path.join(dir, ids[0]!), old, old);
    expect(sweepUploads(dir, Date.now())).toBe(1);
    expect(fs.readdirSync(dir)).toEqual([ids[1]]);

    // A restart finds no upload of the last run going on.
    const dataDir = t.core.paths.dataDir;
    t.core.close();
    const reopened = openCore({ dataDir });
    try {
      expect(fs.readdirSync(dir)).toEqual([]);
    } finally {
      reopened.close();
    }
  });

  it('bounds what unfinished uploads may stage: 4 at once per user, 256 MB in all', () => {
    t = makeCaseTownship();
    const c = t.ok('cases.create', caseInput(t.gridA), t.sessions.clerk).case;
    const big = { size: ATTACHMENT_MAX_BYTES, sha256: 'a'.repeat(64) };
    for (let i = 0; i < MAX_OPEN_UPLOADS_PER_USER; i++) expect(begin(t, c.id, Buffer.from('x'), big).ok).toBe(true);
    const fifth = begin(t, c.id, Buffer.from('x'), big);
    expect(fifth).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(JSON.stringify(fifth)).toContain('正在上传');
    expect(fs.readdirSync(t.core.deps.uploadsDir)).toHaveLength(MAX_OPEN_UPLOADS_PER_USER);
    // Others may go on until all unfinished uploads together promise 256 MB.
    t.ok(
      'users.create',
      { username: 'zhao', displayName: '赵录入', role: 'clerk', password: PASSWORD },
      t.sessions.admin,
    );
    const others = [t.sessions.admin, t.sessions.reviewer, t.login('zhao')];
    let accepted = MAX_OPEN_UPLOADS_PER_USER;
    for (const session of others) {
      for (let i = 0; i < MAX_OPEN_UPLOADS_PER_USER; i++) {
        const r = t.call('cases.beginAttachment', { caseId: c.id, name: 'x.jpg', mime: 'image/jpeg', ...big }, session);
        if (r.ok) accepted++;
        else expect(JSON.stringify(r)).toContain('合计');
      }
    }
    expect(accepted * ATTACHMENT_MAX_BYTES).toBeLessThanOrEqual(MAX_STAGED_BYTES);
    expect(accepted).toBe(Math.floor(MAX_STAGED_BYTES / ATTACHMENT_MAX_BYTES));
  });
});
