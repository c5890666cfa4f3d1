/** What a township needs before its first case: the default taxonomy and the holiday calendar. */
import type { Db } from '../db/connection';
import { seedHolidays } from './calendar';
import { retireWorkLogCategories, seedTaxonomy } from './taxonomy-store';

/**
 * Idempotent: each part is seeded only when its table is empty (setup, and upgrades of older installs);
 * 政策宣传 and 社情民意 are retired once from a taxonomy that still offers them.
 */
export function seedCaseDefaults(db: Db, now: string, by: string): void {
  seedTaxonomy(db, now, by);
  retireWorkLogCategories(db, now, by);
  seedHolidays(db, now, by);
}
