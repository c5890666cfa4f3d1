CREATE TABLE `report_exports` (
	`id` text PRIMARY KEY NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`updated_by` text NOT NULL,
	`deleted_at` text,
	`form_id` text NOT NULL,
	`form_name` text NOT NULL,
	`period_code` text NOT NULL,
	`period_label` text NOT NULL,
	`village_id` text,
	`scope_label` text NOT NULL,
	`file_name` text NOT NULL,
	`sha256` text NOT NULL,
	`size` integer NOT NULL,
	`username` text NOT NULL,
	`revealed` integer DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE INDEX `report_exports_created_idx` ON `report_exports` (`created_at`);--> statement-breakpoint
CREATE TABLE `report_settings` (
	`id` integer PRIMARY KEY NOT NULL,
	`preparer` text,
	`reviewer` text,
	`phone` text,
	`updated_at` text NOT NULL,
	`updated_by` text NOT NULL
);
