CREATE TABLE `case_parties` (
	`id` text PRIMARY KEY NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`updated_by` text NOT NULL,
	`deleted_at` text,
	`case_id` text NOT NULL,
	`role` text NOT NULL,
	`name` text NOT NULL,
	`sex` text,
	`id_number_enc` text,
	`phone_enc` text,
	`address_enc` text,
	`note` text,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `case_parties_case_idx` ON `case_parties` (`case_id`,`created_at`);