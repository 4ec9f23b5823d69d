CREATE TABLE "activities" (
	"id" uuid PRIMARY KEY NOT NULL,
	"person_id" uuid,
	"organization_id" uuid,
	"kind" text NOT NULL,
	"direction" text,
	"subject" text NOT NULL,
	"body" text,
	"occurred_at" timestamp with time zone NOT NULL,
	"due_at" timestamp with time zone,
	"status" text,
	"completed_at" timestamp with time zone,
	"owner_id" uuid,
	"created_by" uuid,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"source_system" text NOT NULL,
	"external_id" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "documents" (
	"id" uuid PRIMARY KEY NOT NULL,
	"activity_id" uuid NOT NULL,
	"filename" text NOT NULL,
	"content_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"sha256" text NOT NULL,
	"content" "bytea" NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "orders" (
	"id" uuid PRIMARY KEY NOT NULL,
	"person_id" uuid,
	"organization_id" uuid,
	"number" text,
	"status" text NOT NULL,
	"total_sek" numeric(14, 2) NOT NULL,
	"currency" text DEFAULT 'SEK' NOT NULL,
	"ordered_at" timestamp with time zone NOT NULL,
	"lines" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"source_system" text NOT NULL,
	"external_id" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_activity_id_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."activities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "activities_person_time_idx" ON "activities" USING btree ("person_id","occurred_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "activities_org_time_idx" ON "activities" USING btree ("organization_id","occurred_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "activities_open_tasks_idx" ON "activities" USING btree ("owner_id","due_at") WHERE kind = 'task' and status = 'open';--> statement-breakpoint
CREATE UNIQUE INDEX "activities_external_idx" ON "activities" USING btree ("source_system","external_id") WHERE external_id is not null;--> statement-breakpoint
CREATE INDEX "documents_activity_idx" ON "documents" USING btree ("activity_id");--> statement-breakpoint
CREATE INDEX "orders_person_time_idx" ON "orders" USING btree ("person_id","ordered_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "orders_org_time_idx" ON "orders" USING btree ("organization_id","ordered_at" DESC NULLS LAST);--> statement-breakpoint
CREATE UNIQUE INDEX "orders_external_idx" ON "orders" USING btree ("source_system","external_id") WHERE external_id is not null;