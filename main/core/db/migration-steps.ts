import type Database from 'better-sqlite3';
import { chainExistingAudit } from '../audit/chain-existing';

export type MigrationStep = (sqlite: Database.Database) => void;

/**
 * Work a migration needs that its SQL cannot do, by the migration's number (0015 → 15). Each runs
 * once, in the migration transaction right after that migration's statements.
 */
export const MIGRATION_STEPS: Record<number, MigrationStep> = {
  15: chainExistingAudit, // 0015_audit_chain: the entries on file get their place and hash
};
