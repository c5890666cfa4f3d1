/**
 * The county's figure definitions written out again as plain SQL over `cases`, apart from the app's
 * filters, so a test can check each printed figure against what it is meant to count; and a seed
 * step that makes sure a month holds cases in every state the definitions treat apart.
 */
import type Database from 'better-sqlite3';

export interface OracleCounts {
  registered: number;
  accepted: number;
  rejected: number;
  assigned: number;
  closed: number;
  onTime: number;
  overdue: number;
  onSpot: number;
  resolved: number;
}

const ACCEPTED = `state IN ('accepted','assigned','handling','handled','fedBack','closed')`;
const ASSIGNED = `state IN ('assigned','handling','handled','fedBack','closed')`;

/** Counts over live cases matching `where` (registered in a period, say); `now` decides lateness. */
export function oracle(sqlite: Database.Database, now: string, where: string, params: unknown[]): OracleCounts {
  const late = `(auto_supervised_due IS NOT NULL OR (due_at IS NOT NULL AND due_at < @now))`;
  const sum = (cond: string) => `coalesce(sum(CASE WHEN ${cond} THEN 1 ELSE 0 END), 0)`;
  const row = sqlite
    .prepare(
      `SELECT count(*) AS registered,
        ${sum(ACCEPTED)} AS accepted,
        ${sum(`state = 'rejected'`)} AS rejected,
        ${sum(`${ASSIGNED} AND on_spot = 0`)} AS assigned,
        ${sum(`state = 'closed'`)} AS closed,
        ${sum(`state = 'closed' AND NOT ${late}`)} AS onTime,
        ${sum(late)} AS overdue,
        ${sum('on_spot = 1')} AS onSpot,
        ${sum(`dispute = 1 AND mediation_result = 'success'`)} AS resolved
       FROM cases WHERE deleted_at IS NULL AND ${where}`,
    )
    .get({ now: new Date(now).toISOString() }, ...(params as never[])) as OracleCounts;
  return row;
}

/** Shanghai days as [start, end) UTC instants, for `created_at >= ? AND created_at < ?`. */
export function dayRange(from: string, to: string): [string, string] {
  const start = new Date(`${from}T00:00:00+08:00`).toISOString();
  const end = new Date(Date.parse(`${to}T00:00:00+08:00`) + 86_400_000).toISOString();
  return [start, end];
}

/** A half-up rate as the test expects it printed, from the oracle's counts. */
export const expectedRate = (n: number, d: number): number | string =>
  d > 0 ? Math.floor((n * 10_000) / d + 0.5) / 10_000 : '—';

/**
 * Makes sure the cases registered in [start, end) hold each state the definitions tell apart: takes
 * open cases (those still waiting at 登记/上报/甄别 first) and ends them as the loop may (不予受理, 合并, 备案), settles
 * two non-dispute ones on the spot (closed at registration, never handed on), and marks a closed
 * case as having missed a deadline on the way.
 */
export function seedEveryState(sqlite: Database.Database, start: string, end: string): void {
  const waiting = sqlite
    .prepare(
      `SELECT id FROM cases WHERE deleted_at IS NULL AND created_at >= ? AND created_at < ? AND dispute = 0
       AND state NOT IN ('closed','merged','rejected','filed') ORDER BY state IN ('registered','reported','screening') DESC, number`,
    )
    .pluck()
    .all(start, end) as string[];
  if (waiting.length < 5) throw new Error(`seedEveryState: only ${waiting.length} waiting cases in the period`);
  const [rejected, merged, filed, spot1, spot2] = waiting;
  const set = sqlite.prepare(
    `UPDATE cases SET state = @state, awaiting = NULL, assignee_kind = NULL, assignee_id = NULL, assignee_label = NULL, due_at = NULL, yellow_at = NULL, step_started_at = NULL,
     step_limit_days = NULL, merged_into_id = @mergedInto, on_spot = @onSpot, closed_at = @closedAt WHERE id = @id`,
  );
  const other = sqlite
    .prepare(`SELECT id FROM cases WHERE id <> ? ORDER BY number LIMIT 1`)
    .pluck()
    .get(merged) as string;
  set.run({ id: rejected, state: 'rejected', mergedInto: null, onSpot: 0, closedAt: null });
  set.run({ id: merged, state: 'merged', mergedInto: other, onSpot: 0, closedAt: null });
  set.run({ id: filed, state: 'filed', mergedInto: null, onSpot: 0, closedAt: null });
  for (const id of [spot1, spot2]) {
    sqlite
      .prepare(
        `UPDATE cases SET state = 'closed', on_spot = 1, awaiting = NULL, due_at = NULL, yellow_at = NULL,
         step_started_at = NULL, step_limit_days = NULL, assignee_kind = NULL, assignee_id = NULL,
         assignee_label = NULL, resolution = '现场调处完毕', closed_at = created_at WHERE id = ?`,
      )
      .run(id);
  }
  sqlite
    .prepare(
      `UPDATE cases SET auto_supervised_due = closed_at WHERE id = (SELECT id FROM cases
       WHERE state = 'closed' AND on_spot = 0 AND created_at >= ? AND created_at < ? ORDER BY number LIMIT 1)`,
    )
    .run(start, end);
}
