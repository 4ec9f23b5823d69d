CREATE TABLE "computed_trait_buckets" (
	"trait_id" uuid NOT NULL,
	"subject" text NOT NULL,
	"day" date NOT NULL,
	"count" bigint NOT NULL,
	"sum" double precision NOT NULL,
	"min" double precision,
	"max" double precision,
	CONSTRAINT "computed_trait_buckets_trait_id_subject_day_pk" PRIMARY KEY("trait_id","subject","day")
);
--> statement-breakpoint
CREATE TABLE "computed_traits" (
	"id" uuid PRIMARY KEY NOT NULL,
	"key" text NOT NULL,
	"label" text NOT NULL,
	"event_type" text NOT NULL,
	"event_name" text,
	"filters" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"aggregate" text NOT NULL,
	"property" text,
	"window_days" integer NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"created_by" uuid,
	"backfilled_at" timestamp with time zone,
	CONSTRAINT "computed_traits_key_unique" UNIQUE("key")
);
--> statement-breakpoint
CREATE TABLE "identity_conflicts" (
	"id" uuid PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"value" text NOT NULL,
	"linked_person_id" uuid NOT NULL,
	"claimed_person_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"source_id" uuid NOT NULL,
	"message_id" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"detected_at" timestamp with time zone NOT NULL,
	"resolved_at" timestamp with time zone,
	"resolved_by" uuid
);
--> statement-breakpoint
CREATE TABLE "tracked_events" (
	"id" uuid NOT NULL,
	"source_id" uuid NOT NULL,
	"message_id" text NOT NULL,
	"type" text NOT NULL,
	"name" text,
	"anonymous_id" text,
	"user_id" text,
	"person_id" uuid,
	"group_id" text,
	"occurred_at" timestamp with time zone NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"sent_at" timestamp with time zone,
	"original_timestamp" timestamp with time zone,
	"properties" jsonb,
	"traits" jsonb,
	"context" jsonb,
	"integrations" jsonb,
	"enrichment" jsonb
) PARTITION BY RANGE ("received_at");
--> statement-breakpoint
CREATE TABLE "tracked_message_ids" (
	"source_id" uuid NOT NULL,
	"message_id" text NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	CONSTRAINT "tracked_message_ids_source_id_message_id_pk" PRIMARY KEY("source_id","message_id")
);
--> statement-breakpoint
CREATE TABLE "tracking_identities" (
	"kind" text NOT NULL,
	"value" text NOT NULL,
	"person_id" uuid NOT NULL,
	"source_id" uuid NOT NULL,
	"linked_at" timestamp with time zone NOT NULL,
	"message_id" text NOT NULL,
	CONSTRAINT "tracking_identities_kind_value_pk" PRIMARY KEY("kind","value")
);
--> statement-breakpoint
CREATE TABLE "tracking_rejections" (
	"id" uuid PRIMARY KEY NOT NULL,
	"source_id" uuid,
	"received_at" timestamp with time zone NOT NULL,
	"code" text NOT NULL,
	"detail" text NOT NULL,
	"field" text,
	"excerpt" text,
	"ip" text
);
--> statement-breakpoint
CREATE INDEX "computed_trait_buckets_subject_idx" ON "computed_trait_buckets" USING btree ("subject");--> statement-breakpoint
CREATE INDEX "identity_conflicts_status_idx" ON "identity_conflicts" USING btree ("status","detected_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "tracked_events_person_idx" ON "tracked_events" USING btree ("person_id","occurred_at" DESC NULLS LAST,"id" DESC NULLS LAST) WHERE person_id is not null;--> statement-breakpoint
CREATE INDEX "tracked_events_id_idx" ON "tracked_events" USING btree ("id");--> statement-breakpoint
CREATE INDEX "tracked_events_source_idx" ON "tracked_events" USING btree ("source_id","id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "tracked_events_anonymous_idx" ON "tracked_events" USING btree ("anonymous_id") WHERE person_id is null and anonymous_id is not null;--> statement-breakpoint
CREATE INDEX "tracked_events_user_idx" ON "tracked_events" USING btree ("user_id") WHERE person_id is null and user_id is not null;--> statement-breakpoint
CREATE INDEX "tracked_message_ids_time_idx" ON "tracked_message_ids" USING btree ("received_at");--> statement-breakpoint
CREATE INDEX "tracking_identities_person_idx" ON "tracking_identities" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "tracking_rejections_source_idx" ON "tracking_rejections" USING btree ("source_id","received_at" DESC NULLS LAST);