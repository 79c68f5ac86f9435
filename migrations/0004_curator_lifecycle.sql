CREATE TABLE `curator_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` text NOT NULL,
	`curator_id` integer,
	`kind` text NOT NULL,
	FOREIGN KEY (`curator_id`) REFERENCES `curators`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `curator_events_by_time` ON `curator_events` (`at`);--> statement-breakpoint
ALTER TABLE `curators` ADD `disabled_at` text;