import type Database from 'better-sqlite3';

/**
 * A clerk-readable name for the record an audit entry touched (网格 140621100200001 第一网格),
 * looked up when the log is read so renamed records show their current name.
 */
const LABEL_SQL = `
  SELECT '网格 ' || code || ' ' || name FROM grids WHERE id = :id
  UNION ALL SELECT '村（社区） ' || code || ' ' || name FROM villages WHERE id = :id
  UNION ALL SELECT '党小组 ' || name FROM party_groups WHERE id = :id
  UNION ALL SELECT '人员 ' || name FROM persons WHERE id = :id
  UNION ALL SELECT '任职 ' || p.name FROM posts t JOIN persons p ON p.id = t.person_id WHERE t.id = :id
  UNION ALL SELECT '培训 ' || p.name || ' ' || t.topic FROM trainings t JOIN persons p ON p.id = t.person_id WHERE t.id = :id
  UNION ALL SELECT '报表导出 ' || file_name FROM report_exports WHERE id = :id
  UNION ALL SELECT '用户 ' || username || '（' || display_name || '）' FROM users WHERE id = :id
  LIMIT 1`;

export function recordLabeler(sqlite: Database.Database): (id: string | null) => string | null {
  const stmt = sqlite.prepare(LABEL_SQL).pluck();
  return (id) => (id ? ((stmt.get({ id }) as string | undefined) ?? null) : null);
}
