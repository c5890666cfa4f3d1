CREATE TABLE `case_attachments` (
	`id` text PRIMARY KEY NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`updated_by` text NOT NULL,
	`deleted_at` text,
	`case_id` text NOT NULL,
	`sha256` text NOT NULL,
	`name` text NOT NULL,
	`mime` text NOT NULL,
	`size` integer NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `case_attachments_case_idx` ON `case_attachments` (`case_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `case_attachments_case_hash_uq` ON `case_attachments` (`case_id`,`sha256`) WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE TABLE `case_categories` (
	`id` text PRIMARY KEY NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`updated_by` text NOT NULL,
	`deleted_at` text,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`sort_order` integer NOT NULL,
	`dispute` integer DEFAULT false NOT NULL,
	`screen_days` integer NOT NULL,
	`handle_days` integer NOT NULL,
	`feedback_days` integer NOT NULL,
	`subcategories` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `case_categories_code_live_uq` ON `case_categories` (`code`) WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE TABLE `case_events` (
	`id` text PRIMARY KEY NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`updated_by` text NOT NULL,
	`deleted_at` text,
	`case_id` text NOT NULL,
	`action` text NOT NULL,
	`from_state` text,
	`to_state` text NOT NULL,
	`actor_id` text NOT NULL,
	`actor_name` text NOT NULL,
	`text` text NOT NULL,
	`payload` text NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `case_events_case_idx` ON `case_events` (`case_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `case_number_counters` (
	`township_code` text NOT NULL,
	`year` integer NOT NULL,
	`last_seq` integer NOT NULL,
	PRIMARY KEY(`township_code`, `year`)
);
--> statement-breakpoint
CREATE TABLE `cases` (
	`id` text PRIMARY KEY NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`updated_by` text NOT NULL,
	`deleted_at` text,
	`number` text NOT NULL,
	`year` integer NOT NULL,
	`seq` integer NOT NULL,
	`source` text NOT NULL,
	`category_code` text NOT NULL,
	`subcategory_code` text NOT NULL,
	`item_code` text,
	`category_label` text NOT NULL,
	`dispute` integer DEFAULT false NOT NULL,
	`scale` text NOT NULL,
	`urgency` text NOT NULL,
	`grid_id` text NOT NULL,
	`village_id` text NOT NULL,
	`place` text NOT NULL,
	`occurred_at` text NOT NULL,
	`reporter_name` text,
	`reporter_contact_enc` text,
	`reporter_contact_hash` text,
	`people_involved` integer DEFAULT 1 NOT NULL,
	`summary` text NOT NULL,
	`state` text NOT NULL,
	`awaiting` text,
	`assignee_kind` text,
	`assignee_id` text,
	`assignee_label` text,
	`step_started_at` text,
	`step_limit_days` integer,
	`extension_days` integer DEFAULT 0 NOT NULL,
	`extension_pending` integer DEFAULT false NOT NULL,
	`due_at` text,
	`yellow_at` text,
	`supervision_level` text,
	`auto_supervised_due` text,
	`merged_into_id` text,
	`mediation_method` text,
	`mediation_org` text,
	`mediation_responsible` text,
	`mediation_success` integer,
	`mediation_outcome` text,
	`closed_at` text,
	FOREIGN KEY (`grid_id`) REFERENCES `grids`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`village_id`) REFERENCES `villages`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `cases_number_unique` ON `cases` (`number`);--> statement-breakpoint
CREATE UNIQUE INDEX `cases_year_seq_uq` ON `cases` (`year`,`seq`);--> statement-breakpoint
CREATE INDEX `cases_created_idx` ON `cases` (`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `cases_occurred_idx` ON `cases` (`occurred_at`,`id`);--> statement-breakpoint
CREATE INDEX `cases_state_created_idx` ON `cases` (`state`,`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `cases_grid_created_idx` ON `cases` (`grid_id`,`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `cases_village_created_idx` ON `cases` (`village_id`,`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `cases_category_created_idx` ON `cases` (`category_code`,`subcategory_code`,`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `cases_source_created_idx` ON `cases` (`source`,`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `cases_assignee_created_idx` ON `cases` (`assignee_id`,`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `cases_awaiting_created_idx` ON `cases` (`awaiting`,`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `cases_due_idx` ON `cases` (`due_at`,`id`);--> statement-breakpoint
CREATE INDEX `cases_yellow_idx` ON `cases` (`yellow_at`);--> statement-breakpoint
CREATE INDEX `cases_updated_idx` ON `cases` (`updated_at`,`id`);--> statement-breakpoint
CREATE INDEX `cases_contact_idx` ON `cases` (`reporter_contact_hash`);--> statement-breakpoint
CREATE TABLE `holidays` (
	`id` text PRIMARY KEY NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`updated_by` text NOT NULL,
	`deleted_at` text,
	`date` text NOT NULL,
	`kind` text NOT NULL,
	`name` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `holidays_date_unique` ON `holidays` (`date`);