-- The audit log becomes a hash chain. The entries already on file are chained in id order by the
-- step registered for this migration (main/core/db/migration-steps.ts), in the same transaction:
-- SQLite has no SHA-256 of its own.
ALTER TABLE `audit_log` ADD `seq` integer;--> statement-breakpoint
ALTER TABLE `audit_log` ADD `prev_hash` text;--> statement-breakpoint
ALTER TABLE `audit_log` ADD `hash` text;--> statement-breakpoint
CREATE UNIQUE INDEX `audit_log_seq_idx` ON `audit_log` (`seq`);
