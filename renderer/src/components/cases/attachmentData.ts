import type { CaseAttachment } from '../../../../shared/api/cases';
import { ATTACHMENT_CHUNK_BYTES } from '../../../../shared/cases/attachment-limits';
import { api } from '../../api/client';

export { ATTACHMENT_MAX_BYTES, formatSize } from '../../../../shared/cases/attachment-limits';

/** A blob's bytes as base64 (without the data-URL prefix). */
export function readBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(new Error('无法读取文件'));
    reader.readAsDataURL(file);
  });
}

export const dataUrl = (mime: string, base64: string) => `data:${mime || 'application/octet-stream'};base64,${base64}`;

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
