CREATE TABLE `figures_country_language_month` (
	`country` text NOT NULL,
	`month` text NOT NULL,
	`language` text NOT NULL,
	`event` text NOT NULL,
	`count` integer NOT NULL,
	PRIMARY KEY(`country`, `month`, `language`, `event`)
);
--> statement-breakpoint
CREATE TABLE `figures_country_month` (
	`country` text NOT NULL,
	`month` text NOT NULL,
	`event` text NOT NULL,
	`count` integer NOT NULL,
	PRIMARY KEY(`country`, `month`, `event`)
);
--> statement-breakpoint
CREATE TABLE `figures_country_situation_month` (
	`country` text NOT NULL,
	`month` text NOT NULL,
	`situation` text NOT NULL,
	`event` text NOT NULL,
	`count` integer NOT NULL,
	PRIMARY KEY(`country`, `month`, `situation`, `event`)
);
--> statement-breakpoint
CREATE TABLE `figures_partner_week` (
	`partner` text NOT NULL,
	`week` text NOT NULL,
	`event` text NOT NULL,
	`count` integer NOT NULL,
	PRIMARY KEY(`partner`, `week`, `event`)
);
