CREATE TABLE "rule_cursors" (
	"name" text PRIMARY KEY NOT NULL,
	"last_id" uuid NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
