CREATE TABLE `buildings` (
	`id` text PRIMARY KEY NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`updated_by` text NOT NULL,
	`deleted_at` text,
	`village_id` text NOT NULL,
	`grid_id` text NOT NULL,
	`name` text NOT NULL,
	`address` text NOT NULL,
	`kind` text NOT NULL,
	`building_count` integer NOT NULL,
	`households` integer NOT NULL,
	`residents` integer NOT NULL,
	`shops` integer NOT NULL,
	`property_company` text,
	`safety_contact_name` text,
	`safety_contact_phone_enc` text,
	`longitude` real,
	`latitude` real,
	`collected_on` text NOT NULL,
	`collector_id` text NOT NULL,
	FOREIGN KEY (`village_id`) REFERENCES `villages`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`grid_id`) REFERENCES `grids`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`collector_id`) REFERENCES `persons`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `buildings_village_name_live_uq` ON `buildings` (`village_id`,`name`) WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX `buildings_day_idx` ON `buildings` (`collected_on`,`village_id`,`deleted_at`);--> statement-breakpoint
CREATE INDEX `buildings_grid_idx` ON `buildings` (`grid_id`,`collected_on`,`deleted_at`);--> statement-breakpoint
CREATE TABLE `household_visits` (
	`id` text PRIMARY KEY NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`updated_by` text NOT NULL,
	`deleted_at` text,
	`village_id` text NOT NULL,
	`grid_id` text NOT NULL,
	`visitor_id` text NOT NULL,
	`visited_on` text NOT NULL,
	`method` text NOT NULL,
	`subject_name` text NOT NULL,
	`address` text NOT NULL,
	`phone_enc` text,
	`household_size` integer,
	`content` text NOT NULL,
	`issues` text,
	`follow_up` text,
	`case_id` text,
	FOREIGN KEY (`village_id`) REFERENCES `villages`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`grid_id`) REFERENCES `grids`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`visitor_id`) REFERENCES `persons`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `household_visits_day_idx` ON `household_visits` (`visited_on`,`village_id`,`deleted_at`);--> statement-breakpoint
CREATE INDEX `household_visits_village_idx` ON `household_visits` (`village_id`,`visited_on`,`deleted_at`);--> statement-breakpoint
CREATE INDEX `household_visits_grid_idx` ON `household_visits` (`grid_id`,`visited_on`,`deleted_at`);