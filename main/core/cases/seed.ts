/** What a township needs before its first case: the default taxonomy and the holiday calendar. */
import type { Db } from '../db/connection';
import { seedHolidays } from './calendar';
import { seedTaxonomy } from './taxonomy-store';

/** Idempotent: each part is seeded only when its table is empty (setup, and upgrades of older installs). */
export function seedCaseDefaults(db: Db, now: string, by: string): void {
  seedTaxonomy(db, now, by);
  seedHolidays(db, now, by);
}
