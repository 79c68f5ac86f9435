ALTER TABLE `initiatives` ADD `about_page` text;--> statement-breakpoint
ALTER TABLE `initiatives` ADD `about_page_by` text;--> statement-breakpoint
ALTER TABLE `initiatives` ADD `own_words` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
ALTER TABLE `initiatives` ADD `checked_on` text;--> statement-breakpoint
ALTER TABLE `initiatives` ADD `checked_by` text;--> statement-breakpoint
-- Helpfinder: the old `last_checked` was stamped by the import, not by a check. A day is kept only
-- where a curator's own change in the console set it (confirm, edit or create with that day in the
-- audit trail), and names that curator; every other record claims no check. Additive steps only
-- (no table rebuild): other tables refer to `initiatives`, and D1 keeps foreign keys on.
UPDATE `initiatives` SET `checked_by` = (SELECT a.`curator_name` FROM `audit_entries` a WHERE a.`subject` = 'initiative' AND a.`subject_id` = `initiatives`.`id` AND a.`action` IN ('confirm', 'edit', 'create') AND json_extract(a.`after`, '$.lastChecked') = `initiatives`.`last_checked` ORDER BY a.`id` DESC LIMIT 1);--> statement-breakpoint
UPDATE `initiatives` SET `checked_on` = `last_checked` WHERE `checked_by` IS NOT NULL;--> statement-breakpoint
ALTER TABLE `initiatives` DROP COLUMN `last_checked`;--> statement-breakpoint
ALTER TABLE `urgent_lines` ADD `checked_on` text;--> statement-breakpoint
ALTER TABLE `urgent_lines` ADD `checked_by` text;--> statement-breakpoint
-- Urgent lines are never edited in the console, so their days were the import's: no check claimed.
-- (A new database is seeded from data/urgent-help.json with the checks that file names.)
ALTER TABLE `urgent_lines` DROP COLUMN `last_checked`;