CREATE TABLE "match_candidates" (
	"id" uuid PRIMARY KEY NOT NULL,
	"person_a" uuid NOT NULL,
	"person_b" uuid NOT NULL,
	"probability" double precision NOT NULL,
	"weight" double precision NOT NULL,
	"outcome" text NOT NULL,
	"comparison" jsonb NOT NULL,
	"status" text NOT NULL,
	"detected_at" timestamp with time zone NOT NULL,
	"decided_at" timestamp with time zone,
	"decided_by" uuid
);
--> statement-breakpoint
CREATE TABLE "match_settings" (
	"id" text PRIMARY KEY NOT NULL,
	"model" jsonb NOT NULL,
	"survivorship" jsonb NOT NULL,
	"origin" text NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"updated_by" uuid
);
--> statement-breakpoint
CREATE TABLE "merges" (
	"id" uuid PRIMARY KEY NOT NULL,
	"survivor_id" uuid NOT NULL,
	"merged_id" uuid NOT NULL,
	"candidate_id" uuid,
	"decided_by" text NOT NULL,
	"snapshot" jsonb NOT NULL,
	"merged_at" timestamp with time zone NOT NULL,
	"merged_by_user" uuid,
	"undone_at" timestamp with time zone,
	"undone_by" uuid
);
--> statement-breakpoint
CREATE UNIQUE INDEX "match_candidates_pair_idx" ON "match_candidates" USING btree ("person_a","person_b");--> statement-breakpoint
CREATE INDEX "match_candidates_open_idx" ON "match_candidates" USING btree ("status","probability" DESC NULLS LAST) WHERE status = 'open';--> statement-breakpoint
CREATE INDEX "merges_survivor_idx" ON "merges" USING btree ("survivor_id");--> statement-breakpoint
CREATE INDEX "merges_merged_idx" ON "merges" USING btree ("merged_id");--> statement-breakpoint
CREATE INDEX "addresses_current_postal_idx" ON "addresses" USING btree ("postal_code") WHERE valid_to is null;--> statement-breakpoint
CREATE INDEX "people_birth_date_idx" ON "people" USING btree ("birth_date") WHERE merged_into is null and erased_at is null;