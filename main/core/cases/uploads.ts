/**
 * Chunked attachment uploads: begin → chunks → finish. Each upload is a folder under uploadsDir
 * (meta.json plus one `<index>.part` per chunk received); finishing joins the parts while hashing,
 * checks size and SHA-256 against what begin promised, and renames the file into the
 * content-addressed store. Nothing reaches the database before finish's transaction.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import type { User } from '../../../shared/api/schemas';
import {
  ATTACHMENT_CHUNK_BYTES,
  MAX_OPEN_UPLOADS_PER_USER,
  MAX_STAGED_BYTES,
  UPLOAD_IDLE_MS,
  chunkCount,
  chunkSize,
  formatSize,
} from '../../../shared/cases/attachment-limits';
import { ApiError, fieldError } from '../../../shared/errors';
import type { CoreDeps, HandlerContext } from '../context';
import { newId } from '../ids';
import { attachmentPath, type StoredFile } from './attachments';
import { cases } from './schema';

export interface UploadMeta {
  caseId: string;
  name: string;
  mime: string;
  size: number;
  sha256: string;
  userId: string;
}

const META = 'meta.json';
const partName = (index: number) => `${String(index).padStart(5, '0')}.part`;

/** Written aside and renamed, so a crash never leaves a half file under its final name. */
async function writeAtomic(target: string, bytes: Buffer): Promise<void> {
  const temp = `${target}.${crypto.randomBytes(4).toString('hex')}.tmp`;
  await fs.promises.writeFile(temp, bytes);
  await fs.promises.rename(temp, target);
}

function uploadDir(deps: CoreDeps, uploadId: string): string {
  return path.join(deps.uploadsDir, uploadId);
}

const finishedOrGone = () =>
  new ApiError('NOT_FOUND', '该上传已完成或已过期（超过 1 小时未继续），请刷新查看附件或重新上传');

/** The upload's promise, or NOT_FOUND (never begun, finished, or cleaned away); only its starter may go on. */
async function readMeta(deps: CoreDeps, uploadId: string, user: User | null): Promise<UploadMeta> {
  let meta: UploadMeta;
  try {
    meta = JSON.parse(await fs.promises.readFile(path.join(uploadDir(deps, uploadId), META), 'utf8')) as UploadMeta;
  } catch {
    throw finishedOrGone();
  }
  if (meta.userId !== user?.id) throw new ApiError('FORBIDDEN', '无权限：只能继续自己开始的上传');
  return meta;
}

/** The promises of the uploads under way (a folder whose meta cannot be read is on its way out). */
function openUploads(deps: CoreDeps): UploadMeta[] {
  let names: string[];
  try {
    names = fs.readdirSync(deps.uploadsDir);
  } catch {
    return [];
  }
  return names.flatMap((name) => {
    try {
      return [JSON.parse(fs.readFileSync(path.join(deps.uploadsDir, name, META), 'utf8')) as UploadMeta];
    } catch {
      return [];
    }
  });
}

/**
 * Staged chunks live on the data folder's disk until finished or idle for an hour: begun uploads are
 * bounded per user and in all, so unfinished ones cannot fill the disk the database needs.
 */
function checkStagingRoom(ctx: HandlerContext, size: number): void {
  const open = openUploads(ctx);
  const mine = open.filter((m) => m.userId === ctx.user?.id).length;
  if (mine >= MAX_OPEN_UPLOADS_PER_USER) {
    throw new ApiError(
      'CONFLICT',
      `已有 ${mine} 个附件正在上传，请等它们完成后再上传（未完成的上传 1 小时后自动清除）`,
    );
  }
  const staged = open.reduce((sum, m) => sum + m.size, 0);
  if (staged + size > MAX_STAGED_BYTES) {
    throw new ApiError('CONFLICT', `正在上传的附件合计已达 ${formatSize(staged)}，请稍后再上传`);
  }
}

/** Step 1 (in its read transaction): the case must be there; the folder is made for the chunks. */
export function beginUpload(
  ctx: HandlerContext,
  input: Omit<UploadMeta, 'userId'>,
): { uploadId: string; chunkBytes: number; chunks: number } {
  const owner = ctx.db.select({ deletedAt: cases.deletedAt }).from(cases).where(eq(cases.id, input.caseId)).get();
  if (!owner || owner.deletedAt) throw new ApiError('NOT_FOUND', '该事件不存在或已删除');
  checkStagingRoom(ctx, input.size);
  const uploadId = newId();
  const dir = uploadDir(ctx, uploadId);
  fs.mkdirSync(dir, { recursive: true });
  const meta: UploadMeta = { ...input, mime: input.mime || 'application/octet-stream', userId: ctx.user?.id ?? '' };
  fs.writeFileSync(path.join(dir, META), JSON.stringify(meta));
  return { uploadId, chunkBytes: ATTACHMENT_CHUNK_BYTES, chunks: chunkCount(input.size) };
}

/** Step 2 (preparer): one chunk, of exactly the size its place in the file calls for. */
export async function receiveChunk(
  input: { uploadId: string; index: number; data: string },
  deps: CoreDeps,
  user: User | null,
): Promise<{ uploadId: string; index: number; received: number; chunks: number }> {
  const meta = await readMeta(deps, input.uploadId, user);
  const chunks = chunkCount(meta.size);
  if (input.index >= chunks) {
    throw fieldError(['index'], `分块序号超出范围：该文件共 ${chunks} 块（序号 0 至 ${chunks - 1}）`);
  }
  const bytes = Buffer.from(input.data, 'base64');
  const expected = chunkSize(meta.size, input.index);
  if (bytes.length !== expected) {
    throw fieldError(['data'], `第 ${input.index + 1} 块应为 ${expected} 字节，收到 ${bytes.length} 字节`);
  }
  const dir = uploadDir(deps, input.uploadId);
  await writeAtomic(path.join(dir, partName(input.index)), bytes);
  const received = (await fs.promises.readdir(dir)).filter((f) => f.endsWith('.part')).length;
  return { uploadId: input.uploadId, index: input.index, received, chunks };
}

async function removeUpload(deps: CoreDeps, uploadId: string): Promise<void> {
  await fs.promises.rm(uploadDir(deps, uploadId), { recursive: true, force: true });
}

/**
 * Step 3 (preparer, before the transaction): all chunks there, joined while hashing, size and hash
 * as promised, then renamed into the store. A missing chunk keeps the upload (send it and finish
 * again); a wrong size or hash ends it, since the bytes cannot become right.
 */
export async function assembleUpload(
  input: { uploadId: string },
  deps: CoreDeps,
  user: User | null,
): Promise<{ meta: UploadMeta; file: StoredFile }> {
  const meta = await readMeta(deps, input.uploadId, user);
  const dir = uploadDir(deps, input.uploadId);
  const chunks = chunkCount(meta.size);
  const present = new Set(
    await fs.promises.readdir(dir).catch((err: NodeJS.ErrnoException) => {
      throw err.code === 'ENOENT' ? finishedOrGone() : err;
    }),
  );
  const missing = Array.from({ length: chunks }, (_, i) => i).filter((i) => !present.has(partName(i)));
  if (missing.length) {
    const shown = missing.slice(0, 10).map((i) => i + 1);
    throw fieldError(
      ['uploadId'],
      `文件尚未传完：缺少第 ${shown.join('、')}${missing.length > shown.length ? ' 等' : ''} 块（共 ${chunks} 块）`,
    );
  }
  // Its own name per call: two finishes of one upload never write into the same file.
  const joined = path.join(dir, `joined.${crypto.randomBytes(4).toString('hex')}.tmp`);
  const hash = crypto.createHash('sha256');
  let size = 0;
  try {
    const out = await fs.promises.open(joined, 'w');
    try {
      for (let i = 0; i < chunks; i++) {
        const bytes = await fs.promises.readFile(path.join(dir, partName(i)));
        hash.update(bytes);
        size += bytes.length;
        await out.write(bytes);
      }
    } finally {
      await out.close();
    }
  } catch (err) {
    // A second finish of the same upload, after the first took the parts away.
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw finishedOrGone();
    throw err;
  }
  const sha256 = hash.digest('hex');
  if (size !== meta.size || sha256 !== meta.sha256) {
    await removeUpload(deps, input.uploadId);
    throw fieldError(
      ['uploadId'],
      size !== meta.size
        ? `文件大小不符：应为 ${meta.size} 字节，收到 ${size} 字节，请重新上传`
        : '文件校验失败：收到的内容与 SHA-256 不符，请重新上传',
    );
  }
  const target = attachmentPath(deps.attachmentsDir, sha256);
  await fs.promises.mkdir(path.dirname(target), { recursive: true });
  // The same bytes already stored: the store keeps one copy per hash.
  if (!fs.existsSync(target)) await fs.promises.rename(joined, target);
  await removeUpload(deps, input.uploadId);
  return { meta, file: { sha256, size } };
}

/**
 * Removes uploads idle longer than `maxIdleMs` (every chunk touches its folder); 0 removes all,
 * as at start, when no upload of the last run can still be going on. Returns how many went.
 */
export function sweepUploads(uploadsDir: string, nowMs: number, maxIdleMs = UPLOAD_IDLE_MS): number {
  if (!fs.existsSync(uploadsDir)) return 0;
  let removed = 0;
  for (const name of fs.readdirSync(uploadsDir)) {
    const dir = path.join(uploadsDir, name);
    const idle = nowMs - fs.statSync(dir).mtimeMs;
    if (maxIdleMs === 0 || idle > maxIdleMs) {
      fs.rmSync(dir, { recursive: true, force: true });
      removed++;
    }
  }
  return removed;
}
