DROP INDEX `cases_created_idx`;--> statement-breakpoint
DROP INDEX `cases_state_created_idx`;--> statement-breakpoint
DROP INDEX `cases_grid_created_idx`;--> statement-breakpoint
DROP INDEX `cases_village_created_idx`;--> statement-breakpoint
DROP INDEX `cases_category_created_idx`;--> statement-breakpoint
DROP INDEX `cases_source_created_idx`;--> statement-breakpoint
CREATE INDEX `cases_created_idx` ON `cases` (`deleted_at`,`created_at`,`id`,`village_id`,`state`,`source`,`category_code`,`subcategory_code`,`scale`,`people_involved`,`mediation_success`,`due_at`,`auto_supervised_due`);--> statement-breakpoint
CREATE INDEX `cases_state_created_idx` ON `cases` (`state`,`deleted_at`,`created_at`,`id`,`source`,`category_code`,`subcategory_code`);--> statement-breakpoint
CREATE INDEX `cases_grid_created_idx` ON `cases` (`grid_id`,`deleted_at`,`created_at`,`id`,`state`,`source`,`category_code`,`subcategory_code`);--> statement-breakpoint
CREATE INDEX `cases_village_created_idx` ON `cases` (`village_id`,`deleted_at`,`created_at`,`id`,`state`,`source`,`category_code`,`subcategory_code`);--> statement-breakpoint
CREATE INDEX `cases_category_created_idx` ON `cases` (`category_code`,`deleted_at`,`created_at`,`id`,`state`,`source`,`subcategory_code`);--> statement-breakpoint
CREATE INDEX `cases_source_created_idx` ON `cases` (`source`,`deleted_at`,`created_at`,`id`,`state`,`category_code`,`subcategory_code`);