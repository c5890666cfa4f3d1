CREATE TABLE `case_emergency_reports` (
	`id` text PRIMARY KEY NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`updated_by` text NOT NULL,
	`deleted_at` text,
	`case_id` text NOT NULL,
	`kind` text NOT NULL,
	`reported_at` text NOT NULL,
	`content` text NOT NULL,
	`reporter_name` text NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `case_emergency_reports_case_idx` ON `case_emergency_reports` (`case_id`,`reported_at`);--> statement-breakpoint
CREATE TABLE `work_logs` (
	`id` text PRIMARY KEY NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`updated_by` text NOT NULL,
	`deleted_at` text,
	`worked_on` text NOT NULL,
	`village_id` text NOT NULL,
	`grid_id` text NOT NULL,
	`worker_id` text,
	`worker_name` text NOT NULL,
	`kind` text NOT NULL,
	`content` text NOT NULL,
	`people_reached` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`village_id`) REFERENCES `villages`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`grid_id`) REFERENCES `grids`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`worker_id`) REFERENCES `persons`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `work_logs_day_idx` ON `work_logs` (`worked_on`,`kind`,`village_id`,`deleted_at`);--> statement-breakpoint
CREATE INDEX `work_logs_village_idx` ON `work_logs` (`village_id`,`worked_on`,`kind`,`deleted_at`);--> statement-breakpoint
CREATE INDEX `work_logs_grid_idx` ON `work_logs` (`grid_id`,`worked_on`,`deleted_at`);--> statement-breakpoint
DROP INDEX `cases_created_idx`;--> statement-breakpoint
ALTER TABLE `cases` ADD `category_name` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `cases` ADD `subcategory_name` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `cases` ADD `discoverer_kind` text;--> statement-breakpoint
ALTER TABLE `cases` ADD `discoverer_id` text;--> statement-breakpoint
ALTER TABLE `cases` ADD `discoverer_name` text;--> statement-breakpoint
ALTER TABLE `cases` ADD `on_spot` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `cases` ADD `emergency` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `cases` ADD `major_dispute` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `cases` ADD `major_grounds` text;--> statement-breakpoint
ALTER TABLE `cases` ADD `order_ref` text;--> statement-breakpoint
ALTER TABLE `cases` ADD `order_due_date` text;--> statement-breakpoint
ALTER TABLE `cases` ADD `escalated_at` text;--> statement-breakpoint
ALTER TABLE `cases` ADD `follow_up_satisfaction` text;--> statement-breakpoint
ALTER TABLE `cases` ADD `follow_up_performance` text;--> statement-breakpoint
ALTER TABLE `cases` ADD `mediation_level` text;--> statement-breakpoint
ALTER TABLE `cases` ADD `mediation_result` text;--> statement-breakpoint
CREATE INDEX `cases_created_idx` ON `cases` (`deleted_at`,`created_at`,`id`,`village_id`,`state`,`source`,`category_code`,`subcategory_code`,`scale`,`people_involved`,`mediation_result`,`mediation_level`,`major_dispute`,`on_spot`,`due_at`,`auto_supervised_due`);--> statement-breakpoint
UPDATE `cases` SET `mediation_result` = CASE `mediation_success` WHEN 1 THEN 'success' WHEN 0 THEN 'failure' END;--> statement-breakpoint
UPDATE `cases` SET `mediation_level` = CASE WHEN `assignee_kind` IN ('village', 'gridWorker') THEN 'village' ELSE 'township' END WHERE `dispute` = 1 AND `mediation_success` IS NOT NULL;--> statement-breakpoint
UPDATE `cases` SET `follow_up_satisfaction` = CASE WHEN `follow_up_rating` >= 4 THEN 'satisfied' WHEN `follow_up_rating` = 3 THEN 'basically' ELSE 'dissatisfied' END WHERE `follow_up_rating` IS NOT NULL;--> statement-breakpoint
UPDATE `cases` SET `major_dispute` = 1, `major_grounds` = '["crowd"]' WHERE `dispute` = 1 AND `scale` = '03';--> statement-breakpoint
UPDATE `cases` SET `category_name` = coalesce((SELECT `name` FROM `case_categories` WHERE `code` = `cases`.`category_code` AND `deleted_at` IS NULL), CASE WHEN instr(`category_label`, ' / ') > 0 THEN substr(`category_label`, 1, instr(`category_label`, ' / ') - 1) ELSE `category_label` END), `subcategory_name` = coalesce((SELECT json_extract(j.value, '$.name') FROM `case_categories` cc, json_each(cc.`subcategories`) j WHERE cc.`code` = `cases`.`category_code` AND cc.`deleted_at` IS NULL AND json_extract(j.value, '$.code') = `cases`.`subcategory_code`), CASE WHEN instr(`category_label`, ' / ') > 0 THEN substr(`category_label`, instr(`category_label`, ' / ') + 3) ELSE '' END);--> statement-breakpoint
ALTER TABLE `cases` DROP COLUMN `follow_up_rating`;--> statement-breakpoint
ALTER TABLE `cases` DROP COLUMN `mediation_success`;--> statement-breakpoint
ALTER TABLE `case_categories` ADD `extension_max_days` integer DEFAULT 15 NOT NULL;--> statement-breakpoint
ALTER TABLE `case_categories` ADD `source_limits` text DEFAULT '{}' NOT NULL;