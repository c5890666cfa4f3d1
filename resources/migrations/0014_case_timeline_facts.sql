ALTER TABLE `cases` ADD `supervision_count` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `cases` ADD `resolution` text;--> statement-breakpoint
ALTER TABLE `cases` ADD `follow_up_rating` integer;--> statement-breakpoint
-- The cases on file get the facts from their timelines (the capture triggers are off during
-- migrations, so this is not sent again: the county holds the same timelines).
UPDATE `cases` SET
  `supervision_count` = (SELECT count(*) FROM `case_events` e
    WHERE e.`case_id` = `cases`.`id` AND e.`action` = 'supervise' AND e.`deleted_at` IS NULL),
  `resolution` = (SELECT json_extract(e.`payload`, '$.result') FROM `case_events` e
    WHERE e.`case_id` = `cases`.`id` AND e.`action` = 'resolve' AND e.`deleted_at` IS NULL
    ORDER BY e.`created_at` DESC LIMIT 1),
  `follow_up_rating` = (SELECT json_extract(e.`payload`, '$.rating') FROM `case_events` e
    WHERE e.`case_id` = `cases`.`id` AND e.`action` = 'followUp' AND e.`deleted_at` IS NULL
    ORDER BY e.`created_at` DESC LIMIT 1)
WHERE EXISTS (SELECT 1 FROM `case_events` e WHERE e.`case_id` = `cases`.`id`
  AND e.`action` IN ('supervise', 'resolve', 'followUp') AND e.`deleted_at` IS NULL);--> statement-breakpoint
DROP INDEX `case_events_case_action_idx`;
