CREATE TABLE `township` (
	`id` text PRIMARY KEY NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`updated_by` text NOT NULL,
	`deleted_at` text,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`county_code` text NOT NULL,
	`county_name` text NOT NULL,
	`city_name` text NOT NULL,
	`province_name` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `township_code_unique` ON `township` (`code`);--> statement-breakpoint
CREATE TABLE `users` (
	`id` text PRIMARY KEY NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`updated_by` text NOT NULL,
	`deleted_at` text,
	`username` text NOT NULL,
	`display_name` text NOT NULL,
	`role` text NOT NULL,
	`password_hash` text NOT NULL,
	`disabled` integer DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_username_unique` ON `users` (`username`);--> statement-breakpoint
CREATE TABLE `audit_log` (
	`id` text PRIMARY KEY NOT NULL,
	`at` text NOT NULL,
	`user_id` text,
	`username` text,
	`method` text NOT NULL,
	`record_id` text,
	`detail` text
);
--> statement-breakpoint
CREATE INDEX `audit_log_record_idx` ON `audit_log` (`record_id`);--> statement-breakpoint
CREATE INDEX `audit_log_at_idx` ON `audit_log` (`at`);--> statement-breakpoint
CREATE TABLE `grids` (
	`id` text PRIMARY KEY NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`updated_by` text NOT NULL,
	`deleted_at` text,
	`village_id` text NOT NULL,
	`code` text NOT NULL,
	`seq` integer NOT NULL,
	`type` text NOT NULL,
	`dedicated_kind` text,
	`name` text NOT NULL,
	`households` integer DEFAULT 0 NOT NULL,
	`residents` integer DEFAULT 0 NOT NULL,
	`party_branch_name` text,
	`party_branch_secretary` text,
	`remarks` text,
	`retired_at` text,
	FOREIGN KEY (`village_id`) REFERENCES `villages`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `grids_code_unique` ON `grids` (`code`);--> statement-breakpoint
CREATE UNIQUE INDEX `grids_village_seq_uq` ON `grids` (`village_id`,`seq`);--> statement-breakpoint
CREATE INDEX `grids_village_idx` ON `grids` (`village_id`);--> statement-breakpoint
CREATE TABLE `party_groups` (
	`id` text PRIMARY KEY NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`updated_by` text NOT NULL,
	`deleted_at` text,
	`grid_id` text NOT NULL,
	`name` text NOT NULL,
	`leader_name` text,
	`member_count` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`grid_id`) REFERENCES `grids`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `party_groups_grid_idx` ON `party_groups` (`grid_id`);--> statement-breakpoint
CREATE TABLE `villages` (
	`id` text PRIMARY KEY NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`updated_by` text NOT NULL,
	`deleted_at` text,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`retired_at` text,
	`last_grid_seq` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `villages_code_unique` ON `villages` (`code`);