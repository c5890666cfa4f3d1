/**
 * Attachments: the bytes are content-addressed under <dataDir>/attachments/<sha256[0..2]>/<sha256>,
 * stored once per hash before the transaction (uploads.ts, chunked); the metadata row and its
 * timeline entry are written in it. A file whose row never commits is harmless: the next upload
 * of the same bytes reuses it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { and, asc, eq, isNull } from 'drizzle-orm';
import type { CaseAttachment } from '../../../shared/api/cases';
import { ATTACHMENT_CHUNK_BYTES, chunkCount, chunkSize, formatSize } from '../../../shared/cases/attachment-limits';
import { ApiError, fieldError } from '../../../shared/errors';
import { actorId, type HandlerContext } from '../context';
import { newId } from '../ids';
import { actorOf, writeEvent } from './act';
import { caseAttachments, cases } from './schema';

export interface StoredFile {
  sha256: string;
  size: number;
}

export function attachmentPath(dir: string, sha256: string): string {
  return path.join(dir, sha256.slice(0, 2), sha256);
}

function toAttachment(r: typeof caseAttachments.$inferSelect): CaseAttachment {
  return {
    id: r.id,
    caseId: r.caseId,
    sha256: r.sha256,
    name: r.name,
    mime: r.mime,
    size: r.size,
    createdAt: r.createdAt,
  };
}

/**
 * The metadata row and a timeline entry; the same file attached to the same case twice is the
 * same attachment (no second row, no second entry).
 */
export function addAttachment(
  ctx: HandlerContext,
  input: { caseId: string; name: string; mime: string },
  file: StoredFile,
): CaseAttachment {
  const owner = ctx.db
    .select({ id: cases.id, state: cases.state, deletedAt: cases.deletedAt })
    .from(cases)
    .where(eq(cases.id, input.caseId))
    .get();
  if (!owner || owner.deletedAt) throw new ApiError('NOT_FOUND', '该事件不存在或已删除');
  const same = ctx.db
    .select()
    .from(caseAttachments)
    .where(
      and(
        eq(caseAttachments.caseId, input.caseId),
        eq(caseAttachments.sha256, file.sha256),
        isNull(caseAttachments.deletedAt),
      ),
    )
    .get();
  if (same) return toAttachment(same);
  const row = {
    id: newId(),
    createdAt: ctx.now,
    updatedAt: ctx.now,
    updatedBy: actorId(ctx),
    caseId: input.caseId,
    sha256: file.sha256,
    name: input.name,
    mime: input.mime || 'application/octet-stream',
    size: file.size,
    deletedAt: null,
  };
  ctx.db.insert(caseAttachments).values(row).run();
  writeEvent(ctx, input.caseId, actorOf(ctx), {
    action: 'attach',
    from: owner.state,
    to: owner.state,
    text: `上传附件「${input.name}」（${formatSize(file.size)}）`,
    payload: { attachmentId: row.id, name: input.name, size: file.size, sha256: file.sha256 },
  });
  return toAttachment(row);
}

export function listAttachments(ctx: HandlerContext, caseId: string): CaseAttachment[] {
  return ctx.db
    .select()
    .from(caseAttachments)
    .where(and(eq(caseAttachments.caseId, caseId), isNull(caseAttachments.deletedAt)))
    .orderBy(asc(caseAttachments.createdAt), asc(caseAttachments.id))
    .all()
    .map(toAttachment);
}

/** Chunk `index` of a stored file, base64; the caller asks for chunks 0…chunks-1 and checks the SHA-256. */
export function getAttachment(ctx: HandlerContext, id: string, index: number) {
  const row = ctx.db.select().from(caseAttachments).where(eq(caseAttachments.id, id)).get();
  if (!row || row.deletedAt) throw new ApiError('NOT_FOUND', '该附件不存在或已删除');
  const chunks = chunkCount(row.size);
  if (index >= chunks) throw fieldError(['index'], `分块序号超出范围：该附件共 ${chunks} 块（0–${chunks - 1}）`);
  const file = attachmentPath(ctx.attachmentsDir, row.sha256);
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch {
    throw new ApiError('NOT_FOUND', `附件「${row.name}」的文件已不在数据目录中`);
  }
  try {
    const bytes = Buffer.alloc(chunkSize(row.size, index));
    const read = fs.readSync(fd, bytes, 0, bytes.length, index * ATTACHMENT_CHUNK_BYTES);
    if (read !== bytes.length) throw new ApiError('CONFLICT', `附件「${row.name}」的文件不完整，请重新上传`);
    return { ...toAttachment(row), index, chunks, data: bytes.toString('base64') };
  } finally {
    fs.closeSync(fd);
  }
}
