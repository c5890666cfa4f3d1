DROP INDEX `household_visits_day_idx`;--> statement-breakpoint
DROP INDEX `household_visits_village_idx`;--> statement-breakpoint
DROP INDEX `household_visits_grid_idx`;--> statement-breakpoint
CREATE INDEX `household_visits_day_idx` ON `household_visits` (`visited_on`,`village_id`,`method`,`deleted_at`);--> statement-breakpoint
CREATE INDEX `household_visits_village_idx` ON `household_visits` (`village_id`,`visited_on`,`method`,`deleted_at`);--> statement-breakpoint
CREATE INDEX `household_visits_grid_idx` ON `household_visits` (`grid_id`,`visited_on`,`method`,`deleted_at`);