/**
 * Attachment upload limits, shared by the drawer (checks before sending) and the core (refuses).
 * A file goes in chunks so no call carries more than the HTTP carrier's 1 MB body: 512 KB of bytes
 * is 699,052 characters of base64.
 */
export const ATTACHMENT_MAX_BYTES = 20 * 1024 * 1024;
export const ATTACHMENT_CHUNK_BYTES = 512 * 1024;
export const ATTACHMENT_CHUNK_BASE64_MAX = Math.ceil(ATTACHMENT_CHUNK_BYTES / 3) * 4;
/** Unfinished uploads one user may have at once, and what all of them together may promise to stage. */
export const MAX_OPEN_UPLOADS_PER_USER = 4;
export const MAX_STAGED_BYTES = 256 * 1024 * 1024;
/** An upload nobody touched for this long is abandoned and its staged chunks removed. */
export const UPLOAD_IDLE_MS = 60 * 60 * 1000;

export const chunkCount = (size: number) => Math.ceil(size / ATTACHMENT_CHUNK_BYTES);

/** Every chunk is full size but the last, so index × chunk size is where it goes. */
export const chunkSize = (size: number, index: number) =>
  Math.min(ATTACHMENT_CHUNK_BYTES, size - index * ATTACHMENT_CHUNK_BYTES);

/** 1.9 MB, 20 MB (no trailing .0), 512 KB. */
export const formatSize = (bytes: number): string =>
  bytes >= 1024 * 1024
    ? `${Number((bytes / 1024 / 1024).toFixed(1))} MB`
    : `${Math.max(1, Math.round(bytes / 1024))} KB`;
