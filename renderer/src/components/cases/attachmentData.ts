/** The carrier takes about 1 MB of base64 per call, so one file may have 700 KB. */
export const ATTACHMENT_MAX_BYTES = 700 * 1024;

export const formatSize = (bytes: number): string =>
  bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;

/** A file's bytes as base64 (without the data-URL prefix). */
export function readBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(new Error('无法读取文件'));
    reader.readAsDataURL(file);
  });
}

export const dataUrl = (mime: string, base64: string) => `data:${mime || 'application/octet-stream'};base64,${base64}`;
