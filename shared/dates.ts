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

/** A stored instant: UTC, as toISOString writes it. */
const UTC_ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/;

/**
 * `2026年03月05日\n14:20` (formatDateZh over formatDateTime's time) for many instants, remembered per
 * UTC hour: Shanghai is UTC+8 all year, so the hour fixes the local date and hour and the minutes
 * carry over. For long lists (a ledger prints 300,000 of these); other text goes the long way.
 */
export function dateTimeLinesZh(): (iso: string) => string {
  const byHour = new Map<string, string>();
  return (iso) => {
    if (!UTC_ISO.test(iso)) {
      const d = new Date(iso);
      return `${formatDateZh(d)}\n${formatDateTime(d).slice(11)}`;
    }
    const hour = iso.slice(0, 13);
    let head = byHour.get(hour);
    if (head === undefined) {
      const p = shanghaiParts(new Date(`${hour}:00:00Z`));
      byHour.set(hour, (head = `${p.y}年${pad(p.m)}月${pad(p.day)}日\n${pad(p.h)}:`));
    }
    return head + iso.slice(14, 16);
  };
}

/** Today's date in Asia/Shanghai as `YYYY-MM-DD`, the "today" of every date rule. */
export function shanghaiDateIso(d: Date): string {
  const p = shanghaiParts(d);
  return `${p.y}-${pad(p.m)}-${pad(p.day)}`;
}

/** Whether year, month and day name a day that exists in the calendar (no 2月30日). */
export function isRealDate(y: number, m: number, d: number): boolean {
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d)) return false;
  if (m < 1 || m > 12 || d < 1) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const days = m === 2 ? (leap ? 29 : 28) : m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
  return d <= days;
}

export function isoDate(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, '0')}-${pad(m)}-${pad(d)}`;
}
