/**
 * Attachments: the bytes are content-addressed under <dataDir>/attachments/<sha256[0..2]>/<sha256>,
 * written once per hash before the transaction (preparer); the metadata row is written in it.
 * A file whose row never commits is harmless: the next upload of the same bytes reuses it.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { and, asc, eq, isNull } from 'drizzle-orm';
import type { CaseAttachment } from '../../../shared/api/cases';
import { ApiError, fieldError } from '../../../shared/errors';
import { actorId, type CoreDeps, type HandlerContext } from '../context';
import { newId } from '../ids';
import { caseAttachments, cases } from './schema';

export interface StoredFile {
  sha256: string;
  size: number;
}

const BASE64_RE = /^[A-Za-z0-9+/]*={0,2}$/;

export function attachmentPath(dir: string, sha256: string): string {
  return path.join(dir, sha256.slice(0, 2), sha256);
}

/** Decodes the upload and stores it unless a file with the same hash is already there. */
export async function prepareAttachment(input: { data: string }, deps: CoreDeps): Promise<StoredFile> {
  if (!BASE64_RE.test(input.data)) throw fieldError(['data'], '文件内容不是有效的 Base64 编码');
  const bytes = Buffer.from(input.data, 'base64');
  if (bytes.length === 0) throw fieldError(['data'], '文件为空');
  const sha256 = crypto.createHash('sha256').update(bytes).digest('hex');
  const target = attachmentPath(deps.attachmentsDir, sha256);
  if (!fs.existsSync(target)) {
    await fs.promises.mkdir(path.dirname(target), { recursive: true });
    // Written aside and renamed, so a crash never leaves a half file under its hash.
    const temp = `${target}.${process.pid}.${crypto.randomBytes(4).toString('hex')}.tmp`;
    await fs.promises.writeFile(temp, bytes);
    await fs.promises.rename(temp, target);
  }
  return { sha256, size: bytes.length };
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

/** The metadata row; the same file attached to the same case twice is the same attachment. */
export function addAttachment(
  ctx: HandlerContext,
  input: { caseId: string; name: string; mime: string },
  file: StoredFile,
): CaseAttachment {
  const owner = ctx.db
    .select({ id: cases.id, deletedAt: cases.deletedAt })
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

export function getAttachment(ctx: HandlerContext, id: string): CaseAttachment & { data: string } {
  const row = ctx.db.select().from(caseAttachments).where(eq(caseAttachments.id, id)).get();
  if (!row || row.deletedAt) throw new ApiError('NOT_FOUND', '该附件不存在或已删除');
  const file = attachmentPath(ctx.attachmentsDir, row.sha256);
  if (!fs.existsSync(file)) throw new ApiError('NOT_FOUND', `附件「${row.name}」的文件已不在数据目录中`);
  return { ...toAttachment(row), data: fs.readFileSync(file).toString('base64') };
}
