/** Dates: ISO in data, `YYYY年MM月DD日` on paper, always in Asia/Shanghai. */
const SHANGHAI_OFFSET_MS = 8 * 3600 * 1000;

function shanghaiParts(d: Date): { y: number; m: number; day: number; h: number; min: number } {
  const t = new Date(d.getTime() + SHANGHAI_OFFSET_MS);
  return {
    y: t.getUTCFullYear(),
    m: t.getUTCMonth() + 1,
    day: t.getUTCDate(),
    h: t.getUTCHours(),
    min: t.getUTCMinutes(),
  };
}

const pad = (n: number) => String(n).padStart(2, '0');

/** 2026年11月26日 */
export function formatDateZh(iso: string | Date): string {
  const p = shanghaiParts(typeof iso === 'string' ? new Date(iso) : iso);
  return `${p.y}年${pad(p.m)}月${pad(p.day)}日`;
}

/** 2026-11-26 14:05, for lists and logs. */
export function formatDateTime(iso: string | Date): string {
  const p = shanghaiParts(typeof iso === 'string' ? new Date(iso) : iso);
  return `${p.y}-${pad(p.m)}-${pad(p.day)} ${pad(p.h)}:${pad(p.min)}`;
}
