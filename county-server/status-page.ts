import type { TownshipStatus } from './status';

/** Text for HTML element content and quoted attributes: every character that could open markup. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Mirror tables under the names a county clerk knows them by; others show their table name. */
const TABLE_LABELS: Record<string, string> = {
  township: '乡镇',
  villages: '村（社区）',
  grids: '网格',
  party_groups: '党小组',
  persons: '人员',
  posts: '岗位',
  trainings: '培训',
};

const cell = (v: string | number | null) => `<td>${v === null || v === '' ? '—' : escapeHtml(String(v))}</td>`;

/** The county's status as a page for the county's own machine: one row per registered township. */
export function renderStatusPage(status: { townships: TownshipStatus[] }, now: Date): string {
  const tables = [...new Set(status.townships.flatMap((t) => Object.keys(t.rows)))];
  const head = ['乡镇代码', '乡镇', '登记时间', '最近收到的包', '收到时间', '最近序号', '包数', '变更数']
    .concat(
      tables.map((t) => `${TABLE_LABELS[t] ?? t}（有效）`),
      ['最近一次拒收'],
    )
    .map((h) => `<th scope="col">${escapeHtml(h)}</th>`)
    .join('');
  const rows = status.townships.map((t) => {
    const error = t.lastError ? `${t.lastErrorAt ?? ''} ${t.lastError}`.trim() : null;
    return (
      '<tr>' +
      [t.code, t.name, t.registeredAt, t.lastBundleId, t.lastReceivedAt, t.lastSeq, t.bundleCount, t.changeCount]
        .map(cell)
        .join('') +
      tables.map((table) => cell(t.rows[table] ?? 0)).join('') +
      cell(error) +
      '</tr>'
    );
  });
  const body = rows.length
    ? `<table><thead><tr>${head}</tr></thead><tbody>${rows.join('')}</tbody></table>`
    : '<p>尚未登记任何乡镇。</p>';
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta http-equiv="refresh" content="60">
<title>县综治中心 上报接收状态</title>
<style>
body { font-family: "Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", sans-serif; margin: 24px; }
table { border-collapse: collapse; font-size: 14px; }
th, td { border: 1px solid #ccc; padding: 4px 8px; text-align: left; vertical-align: top; }
th { background: #f5f5f5; }
</style>
</head>
<body>
<h1>县综治中心 上报接收状态</h1>
<p>共 ${status.townships.length} 个乡镇，生成于 ${escapeHtml(now.toISOString())}（每分钟自动刷新）</p>
${body}
</body>
</html>
`;
}
