import type { CaseAttachment } from '../../../../shared/api/cases';
import { ATTACHMENT_CHUNK_BYTES } from '../../../../shared/cases/attachment-limits';
import { api } from '../../api/client';
import { base64Bytes, readBase64 } from '../../api/fileData';

export { ATTACHMENT_MAX_BYTES, formatSize } from '../../../../shared/cases/attachment-limits';

async function sha256Hex(file: Blob): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', await file.arrayBuffer());
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * Sends a file in chunks (each call stays under the carrier's 1 MB body), one after another, and
 * reports the share of bytes sent (0–1); the core checks size and hash before storing it.
 */
export async function uploadAttachment(
  caseId: string,
  file: File,
  onProgress: (share: number) => void,
): Promise<CaseAttachment> {
  onProgress(0);
  const sha256 = await sha256Hex(file);
  const { uploadId, chunks } = await api.cases.beginAttachment({
    caseId,
    name: file.name,
    mime: file.type || 'application/octet-stream',
    size: file.size,
    sha256,
  });
  for (let index = 0; index < chunks; index++) {
    const start = index * ATTACHMENT_CHUNK_BYTES;
    const data = await readBase64(file.slice(start, start + ATTACHMENT_CHUNK_BYTES));
    await api.cases.attachmentChunk({ uploadId, index, data });
    onProgress(Math.min(file.size, start + ATTACHMENT_CHUNK_BYTES) / file.size);
  }
  return api.cases.finishAttachment({ uploadId });
}

/**
 * A stored attachment, fetched chunk by chunk (no answer over 512 KB) and checked against the
 * SHA-256 it was stored under, as a Blob of its type.
 */
export async function downloadAttachment(attachment: CaseAttachment): Promise<Blob> {
  const first = await api.cases.getAttachment({ id: attachment.id, index: 0 });
  const parts = [base64Bytes(first.data)];
  for (let index = 1; index < first.chunks; index++) {
    parts.push(base64Bytes((await api.cases.getAttachment({ id: attachment.id, index })).data));
  }
  const blob = new Blob(parts, { type: attachment.mime || 'application/octet-stream' });
  if ((await sha256Hex(blob)) !== attachment.sha256) throw new Error(`附件「${attachment.name}」读取不完整，请重试`);
  return blob;
}
