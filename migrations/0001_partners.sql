CREATE TABLE `partners` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`fictional` integer NOT NULL,
	`origins` text NOT NULL,
	`featured` text NOT NULL,
	`default_country` text,
	`default_language` text,
	`last_checked` text NOT NULL,
	`notes` text
);
