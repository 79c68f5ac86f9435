CREATE TABLE `contacts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`initiative_id` text NOT NULL,
	`position` integer NOT NULL,
	`channel` text NOT NULL,
	`value` text,
	`hours` text,
	`languages` text,
	`notes` text,
	FOREIGN KEY (`initiative_id`) REFERENCES `initiatives`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `criteria` (
	`id` text PRIMARY KEY NOT NULL,
	`position` integer NOT NULL,
	`label` text NOT NULL,
	`description` text NOT NULL,
	`multiple` integer NOT NULL,
	`value_set` text NOT NULL,
	`field` text,
	`source` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `initiative_tags` (
	`initiative_id` text NOT NULL,
	`criterion_id` text NOT NULL,
	`tag_id` text NOT NULL,
	`position` integer NOT NULL,
	`inferred` integer NOT NULL,
	PRIMARY KEY(`initiative_id`, `criterion_id`, `tag_id`),
	FOREIGN KEY (`initiative_id`) REFERENCES `initiatives`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`criterion_id`) REFERENCES `criteria`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `initiative_tags_by_tag` ON `initiative_tags` (`criterion_id`,`tag_id`);--> statement-breakpoint
CREATE TABLE `initiatives` (
	`id` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`name` text NOT NULL,
	`name_local` text,
	`organisation` text,
	`summary` text,
	`status` text NOT NULL,
	`status_note` text,
	`subnational` text,
	`online` integer NOT NULL,
	`free` integer,
	`cost_notes` text,
	`anonymous` text,
	`confidentiality` text,
	`website` text,
	`last_checked` text NOT NULL,
	`confidence` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `meta` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `sources` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`initiative_id` text NOT NULL,
	`position` integer NOT NULL,
	`url` text NOT NULL,
	`date` text NOT NULL,
	`supports` text NOT NULL,
	FOREIGN KEY (`initiative_id`) REFERENCES `initiatives`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `tags` (
	`criterion_id` text NOT NULL,
	`id` text NOT NULL,
	`position` integer NOT NULL,
	`label` text NOT NULL,
	`description` text,
	PRIMARY KEY(`criterion_id`, `id`),
	FOREIGN KEY (`criterion_id`) REFERENCES `criteria`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `urgent_lines` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`country` text NOT NULL,
	`position` integer NOT NULL,
	`kind` text NOT NULL,
	`name` text NOT NULL,
	`number` text NOT NULL,
	`hours` text,
	`languages` text,
	`sources` text NOT NULL,
	`last_checked` text NOT NULL
);
