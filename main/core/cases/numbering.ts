/** Case numbers: the next sequence of the township's year, taken in the caller's transaction. */
import { sql } from 'drizzle-orm';
import { CASE_SEQ_MAX, formatCaseNumber } from '../../../shared/cases/number';
import { ApiError } from '../../../shared/errors';
import type { Db } from '../db/connection';
import { caseNumberCounters } from './schema';

export function allocateCaseNumber(db: Db, townshipCode: string, year: number): { number: string; seq: number } {
  // One statement increments or starts the counter, so two registrations can never share a number.
  const row = db
    .insert(caseNumberCounters)
    .values({ townshipCode, year, lastSeq: 1 })
    .onConflictDoUpdate({
      target: [caseNumberCounters.townshipCode, caseNumberCounters.year],
      set: { lastSeq: sql`${caseNumberCounters.lastSeq} + 1` },
    })
    .returning({ lastSeq: caseNumberCounters.lastSeq })
    .get();
  if (row.lastSeq > CASE_SEQ_MAX) throw new ApiError('CONFLICT', `${year} 年的事件编号已用尽（上限 ${CASE_SEQ_MAX}）`);
  return { number: formatCaseNumber({ townshipCode, year, seq: row.lastSeq }), seq: row.lastSeq };
}
