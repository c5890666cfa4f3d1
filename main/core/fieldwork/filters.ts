/**
 * The WHERE of every visit and compound list, and of every count the forms and the 工作台 make:
 * a list's total and a form's figure for the same filter are the same query.
 */
import { and, eq, gte, isNull, lte, or, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import type { BuildingFilter, VisitFilter } from '../../../shared/api/fieldwork';
import { containsPattern } from './common';
import { buildings, householdVisits } from './schema';

const like = (col: AnyColumn, pattern: string) => sql`${col} LIKE ${pattern} ESCAPE '\\'`;

export function visitConditions(f: Partial<VisitFilter>): SQL | undefined {
  const v = householdVisits;
  const conds: (SQL | undefined)[] = [isNull(v.deletedAt)];
  if (f.villageId) conds.push(eq(v.villageId, f.villageId));
  if (f.gridId) conds.push(eq(v.gridId, f.gridId));
  if (f.from) conds.push(gte(v.visitedOn, f.from));
  if (f.to) conds.push(lte(v.visitedOn, f.to));
  if (f.method) conds.push(eq(v.method, f.method));
  if (f.q) {
    const p = containsPattern(f.q);
    conds.push(or(like(v.subjectName, p), like(v.address, p), like(v.content, p)));
  }
  return and(...conds);
}

export function buildingConditions(f: Partial<BuildingFilter>): SQL | undefined {
  const b = buildings;
  const conds: (SQL | undefined)[] = [isNull(b.deletedAt)];
  if (f.villageId) conds.push(eq(b.villageId, f.villageId));
  if (f.gridId) conds.push(eq(b.gridId, f.gridId));
  if (f.from) conds.push(gte(b.collectedOn, f.from));
  if (f.to) conds.push(lte(b.collectedOn, f.to));
  if (f.kind) conds.push(eq(b.kind, f.kind));
  if (f.q) {
    const p = containsPattern(f.q);
    conds.push(or(like(b.name, p), like(b.address, p)));
  }
  return and(...conds);
}
