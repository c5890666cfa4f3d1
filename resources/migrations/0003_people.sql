CREATE TABLE `persons` (
	`id` text PRIMARY KEY NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`updated_by` text NOT NULL,
	`deleted_at` text,
	`name` text NOT NULL,
	`sex` text NOT NULL,
	`birth_date` text NOT NULL,
	`political_status` text,
	`education` text,
	`address_enc` text,
	`phone_enc` text,
	`id_number_enc` text NOT NULL,
	`id_number_hash` text NOT NULL,
	`id_legacy` integer DEFAULT false NOT NULL,
	`party_member` integer DEFAULT false NOT NULL,
	`party_role` text,
	`party_group_id` text,
	`registered_on` text,
	`remarks` text,
	FOREIGN KEY (`party_group_id`) REFERENCES `party_groups`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `persons_id_hash_live_uq` ON `persons` (`id_number_hash`) WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX `persons_name_idx` ON `persons` (`name`);--> statement-breakpoint
CREATE TABLE `posts` (
	`id` text PRIMARY KEY NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`updated_by` text NOT NULL,
	`deleted_at` text,
	`person_id` text NOT NULL,
	`type` text NOT NULL,
	`village_id` text NOT NULL,
	`grid_id` text,
	`employment` text,
	`assistant_kind` text,
	`instructor_kind` text,
	`start_date` text NOT NULL,
	`end_date` text,
	FOREIGN KEY (`person_id`) REFERENCES `persons`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`village_id`) REFERENCES `villages`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`grid_id`) REFERENCES `grids`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `posts_person_idx` ON `posts` (`person_id`);--> statement-breakpoint
CREATE INDEX `posts_grid_idx` ON `posts` (`grid_id`);--> statement-breakpoint
CREATE INDEX `posts_village_idx` ON `posts` (`village_id`);--> statement-breakpoint
CREATE TABLE `trainings` (
	`id` text PRIMARY KEY NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`updated_by` text NOT NULL,
	`deleted_at` text,
	`person_id` text NOT NULL,
	`date` text NOT NULL,
	`topic` text NOT NULL,
	`hours` real NOT NULL,
	FOREIGN KEY (`person_id`) REFERENCES `persons`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `trainings_person_idx` ON `trainings` (`person_id`);