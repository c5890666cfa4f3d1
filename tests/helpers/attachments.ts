import crypto from 'node:crypto';
import type { RpcResult } from '../../shared/errors';
import { ATTACHMENT_CHUNK_BYTES } from '../../shared/cases/attachment-limits';
import type { TestCore } from './core';

export const sha256 = (b: Buffer) => crypto.createHash('sha256').update(b).digest('hex');

/** Any method through the async entry (chunks and finish have preparers). */
export const callAsync = (t: TestCore, method: string, input: unknown, session: string) =>
  t.core.dispatch.async!({ method, input, session }) as Promise<RpcResult<any>>; // eslint-disable-line @typescript-eslint/no-explicit-any

export function chunksOf(bytes: Buffer): string[] {
  const out: string[] = [];
  for (let at = 0; at < bytes.length; at += ATTACHMENT_CHUNK_BYTES) {
    out.push(bytes.subarray(at, at + ATTACHMENT_CHUNK_BYTES).toString('base64'));
  }
  return out;
}

/** begin → every chunk → finish, as the drawer does; the finish result as returned. */
export async function uploadFile(
  t: TestCore,
  session: string,
  caseId: string,
  bytes: Buffer,
  name = '现场.jpg',
  mime = 'image/jpeg',
) {
  const { uploadId } = t.ok<{ uploadId: string }>(
    'cases.beginAttachment',
    { caseId, name, mime, size: bytes.length, sha256: sha256(bytes) },
    session,
  );
  for (const [index, data] of chunksOf(bytes).entries()) {
    const r = await callAsync(t, 'cases.attachmentChunk', { uploadId, index, data }, session);
    if (!r.ok) throw new Error(JSON.stringify(r.error));
  }
  return callAsync(t, 'cases.finishAttachment', { uploadId }, session);
}
