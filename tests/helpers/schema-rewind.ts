/**
 * Takes a database back to how it was before migration 0016 (the figures of issue 15), so a test
 * can rebuild an older file from one written by today's code. Kept to the columns 0016 changed.
 */
import type Database from 'better-sqlite3';

const ADDED_CASE_COLUMNS = [
  'category_name',
  'subcategory_name',
  'discoverer_kind',
  'discoverer_id',
  'discoverer_name',
  'on_spot',
  'emergency',
  'major_dispute',
  'major_grounds',
  'order_ref',
  'order_due_date',
  'escalated_at',
  'follow_up_satisfaction',
  'follow_up_performance',
  'mediation_level',
  'mediation_result',
];

/** 回访 as ratings again, which 0016 reads back as 5 → 满意, 3 → 基本满意, 2 → 不满意. */
export function rewindBefore0016(db: Database.Database): void {
  db.exec('DROP TABLE work_logs');
  db.exec('DROP TABLE case_emergency_reports');
  db.exec('DROP INDEX cases_created_idx');
  db.exec('ALTER TABLE cases ADD follow_up_rating integer');
  db.exec('ALTER TABLE cases ADD mediation_success integer');
  db.exec(
    `UPDATE cases SET
       follow_up_rating = CASE follow_up_satisfaction WHEN 'satisfied' THEN 5 WHEN 'basically' THEN 3
         WHEN 'dissatisfied' THEN 2 END,
       mediation_success = CASE mediation_result WHEN 'success' THEN 1 WHEN 'failure' THEN 0 END`,
  );
  // Before 0016 every 回访 was a 1–5 rating, a dispute's too.
  db.exec(
    `UPDATE case_events SET payload = json_remove(json_set(payload, '$.rating',
       CASE coalesce(json_extract(payload, '$.satisfaction'), json_extract(payload, '$.performance'))
         WHEN 'satisfied' THEN 5 WHEN 'fulfilled' THEN 5 WHEN 'basically' THEN 3 WHEN 'partly' THEN 3 ELSE 2 END),
       '$.satisfaction', '$.performance')
     WHERE action = 'followUp'`,
  );
  db.exec(
    `UPDATE cases SET follow_up_rating = CASE follow_up_performance WHEN 'fulfilled' THEN 5 WHEN 'partly' THEN 3
       WHEN 'unfulfilled' THEN 2 END WHERE follow_up_performance IS NOT NULL`,
  );
  for (const c of ADDED_CASE_COLUMNS) db.exec(`ALTER TABLE cases DROP COLUMN ${c}`);
  db.exec(
    'CREATE INDEX cases_created_idx ON cases (deleted_at, created_at, id, village_id, state, source, category_code, ' +
      'subcategory_code, scale, people_involved, mediation_success, due_at, auto_supervised_due)',
  );
  for (const c of ['extension_max_days', 'source_limits']) db.exec(`ALTER TABLE case_categories DROP COLUMN ${c}`);
}
