CREATE TABLE "list_members" (
	"list_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"added_at" timestamp with time zone NOT NULL,
	"added_by" text NOT NULL,
	CONSTRAINT "list_members_list_id_person_id_pk" PRIMARY KEY("list_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "lists" (
	"id" uuid PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "lists_name_unique" UNIQUE("name")
);
--> statement-breakpoint
CREATE TABLE "rule_assignment_cursors" (
	"team_id" uuid PRIMARY KEY NOT NULL,
	"last_user_id" uuid,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rule_firings" (
	"id" uuid PRIMARY KEY NOT NULL,
	"rule_id" uuid NOT NULL,
	"rule_version" integer NOT NULL,
	"person_id" uuid,
	"cause" text NOT NULL,
	"fired_at" timestamp with time zone NOT NULL,
	"trace" jsonb NOT NULL,
	"results" jsonb NOT NULL,
	"status" text NOT NULL,
	"note" text
);
--> statement-breakpoint
CREATE TABLE "rule_stats" (
	"rule_id" uuid NOT NULL,
	"day" date NOT NULL,
	"evaluations" bigint NOT NULL,
	"firings" bigint NOT NULL,
	"evaluation_ms" double precision NOT NULL,
	CONSTRAINT "rule_stats_rule_id_day_pk" PRIMARY KEY("rule_id","day")
);
--> statement-breakpoint
CREATE TABLE "rule_versions" (
	"rule_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"snapshot" jsonb NOT NULL,
	"changed_at" timestamp with time zone NOT NULL,
	"changed_by" uuid,
	"changed_by_label" text NOT NULL,
	CONSTRAINT "rule_versions_rule_id_version_pk" PRIMARY KEY("rule_id","version")
);
--> statement-breakpoint
CREATE TABLE "rules" (
	"id" uuid PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"trigger" jsonb NOT NULL,
	"trigger_key" text NOT NULL,
	"condition" jsonb NOT NULL,
	"actions" jsonb NOT NULL,
	"once_per_days" integer,
	"enabled" boolean DEFAULT true NOT NULL,
	"version" integer NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone NOT NULL,
	"updated_by" uuid
);
--> statement-breakpoint
CREATE TABLE "segment_members" (
	"rule_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"since" timestamp with time zone NOT NULL,
	CONSTRAINT "segment_members_rule_id_person_id_pk" PRIMARY KEY("rule_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "webhook_deliveries" (
	"id" uuid PRIMARY KEY NOT NULL,
	"rule_id" uuid,
	"url" text NOT NULL,
	"body" jsonb NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"status" text NOT NULL,
	"last_status_code" integer,
	"last_error" text,
	"created_at" timestamp with time zone NOT NULL,
	"delivered_at" timestamp with time zone
);
--> statement-breakpoint
CREATE INDEX "list_members_person_idx" ON "list_members" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "rule_firings_rule_idx" ON "rule_firings" USING btree ("rule_id","fired_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "rule_firings_person_idx" ON "rule_firings" USING btree ("person_id","fired_at" DESC NULLS LAST);--> statement-breakpoint
CREATE UNIQUE INDEX "rule_firings_cause_idx" ON "rule_firings" USING btree ("rule_id","person_id","cause");--> statement-breakpoint
CREATE INDEX "rules_trigger_idx" ON "rules" USING btree ("trigger_key") WHERE enabled;--> statement-breakpoint
CREATE INDEX "webhook_deliveries_rule_idx" ON "webhook_deliveries" USING btree ("rule_id","created_at" DESC NULLS LAST);