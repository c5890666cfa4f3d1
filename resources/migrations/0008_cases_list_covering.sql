DROP INDEX `cases_created_idx`;--> statement-breakpoint
DROP INDEX `cases_occurred_idx`;--> statement-breakpoint
DROP INDEX `cases_state_created_idx`;--> statement-breakpoint
DROP INDEX `cases_grid_created_idx`;--> statement-breakpoint
DROP INDEX `cases_village_created_idx`;--> statement-breakpoint
DROP INDEX `cases_category_created_idx`;--> statement-breakpoint
DROP INDEX `cases_source_created_idx`;--> statement-breakpoint
DROP INDEX `cases_assignee_created_idx`;--> statement-breakpoint
DROP INDEX `cases_awaiting_created_idx`;--> statement-breakpoint
DROP INDEX `cases_due_idx`;--> statement-breakpoint
DROP INDEX `cases_yellow_idx`;--> statement-breakpoint
DROP INDEX `cases_updated_idx`;--> statement-breakpoint
CREATE INDEX `cases_grid_state_idx` ON `cases` (`grid_id`,`state`,`deleted_at`,`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `cases_subcategory_created_idx` ON `cases` (`category_code`,`subcategory_code`,`deleted_at`,`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `cases_created_idx` ON `cases` (`deleted_at`,`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `cases_occurred_idx` ON `cases` (`deleted_at`,`occurred_at`,`id`);--> statement-breakpoint
CREATE INDEX `cases_state_created_idx` ON `cases` (`state`,`deleted_at`,`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `cases_grid_created_idx` ON `cases` (`grid_id`,`deleted_at`,`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `cases_village_created_idx` ON `cases` (`village_id`,`deleted_at`,`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `cases_category_created_idx` ON `cases` (`category_code`,`deleted_at`,`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `cases_source_created_idx` ON `cases` (`source`,`deleted_at`,`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `cases_assignee_created_idx` ON `cases` (`assignee_id`,`deleted_at`,`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `cases_awaiting_created_idx` ON `cases` (`awaiting`,`deleted_at`,`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `cases_due_idx` ON `cases` (`deleted_at`,`due_at`,`id`);--> statement-breakpoint
CREATE INDEX `cases_yellow_idx` ON `cases` (`deleted_at`,`yellow_at`,`due_at`);--> statement-breakpoint
CREATE INDEX `cases_updated_idx` ON `cases` (`deleted_at`,`updated_at`,`id`);