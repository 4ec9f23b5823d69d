CREATE TABLE "addresses" (
	"id" uuid PRIMARY KEY NOT NULL,
	"person_id" uuid,
	"organization_id" uuid,
	"kind" text NOT NULL,
	"street" text,
	"care_of" text,
	"box" text,
	"apartment" text,
	"postal_code" text,
	"city" text,
	"country" text DEFAULT 'SE' NOT NULL,
	"valid_from" timestamp with time zone NOT NULL,
	"valid_to" timestamp with time zone,
	"source_system" text NOT NULL,
	"source_external_id" text,
	"source_received_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "channel_preferences" (
	"id" uuid PRIMARY KEY NOT NULL,
	"person_id" uuid NOT NULL,
	"topic" text NOT NULL,
	"channel" text NOT NULL,
	"window" jsonb,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "consents" (
	"id" uuid PRIMARY KEY NOT NULL,
	"person_id" uuid NOT NULL,
	"purpose" text NOT NULL,
	"channel" text NOT NULL,
	"status" text NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	"note" text,
	"source_system" text NOT NULL,
	"source_external_id" text,
	"source_received_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "custom_attributes" (
	"id" uuid PRIMARY KEY NOT NULL,
	"entity" text NOT NULL,
	"key" text NOT NULL,
	"label" text NOT NULL,
	"type" text NOT NULL,
	"choices" text[],
	"required" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "emails" (
	"id" uuid PRIMARY KEY NOT NULL,
	"person_id" uuid,
	"organization_id" uuid,
	"address" text NOT NULL,
	"canonical" text NOT NULL,
	"kind" text DEFAULT 'private' NOT NULL,
	"is_primary" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"removed_at" timestamp with time zone,
	"source_system" text NOT NULL,
	"source_external_id" text,
	"source_received_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "external_ids" (
	"system" text NOT NULL,
	"external_id" text NOT NULL,
	"entity" text NOT NULL,
	"entity_id" uuid NOT NULL,
	"received_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "organizations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"organisationsnummer" text,
	"group_digit" smallint,
	"legal_form" text,
	"vat_number" text,
	"sni_code" text,
	"industry" text,
	"employees" integer,
	"revenue_sek" bigint,
	"website" text,
	"parent_id" uuid,
	"owner_id" uuid,
	"owner_team_id" uuid,
	"custom" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"lineage" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"search_text" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "people" (
	"id" uuid PRIMARY KEY NOT NULL,
	"given_names" text NOT NULL,
	"preferred_name_parts" smallint[],
	"greeting_name" text NOT NULL,
	"greeting_uncertain" boolean NOT NULL,
	"surname" text NOT NULL,
	"personnummer" text,
	"personnummer_kind" text,
	"birth_date" date,
	"language" text DEFAULT 'sv' NOT NULL,
	"time_zone" text DEFAULT 'Europe/Stockholm' NOT NULL,
	"lifecycle_stage" text DEFAULT 'interested' NOT NULL,
	"owner_id" uuid,
	"owner_team_id" uuid,
	"profiling_objection" boolean DEFAULT false NOT NULL,
	"profiling_objection_at" timestamp with time zone,
	"custom" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"lineage" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"search_text" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"erased_at" timestamp with time zone,
	"merged_into" uuid
);
--> statement-breakpoint
CREATE TABLE "phones" (
	"id" uuid PRIMARY KEY NOT NULL,
	"person_id" uuid,
	"organization_id" uuid,
	"e164" text NOT NULL,
	"type" text NOT NULL,
	"kind" text DEFAULT 'private' NOT NULL,
	"is_primary" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"removed_at" timestamp with time zone,
	"source_system" text NOT NULL,
	"source_external_id" text,
	"source_received_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "roles" (
	"id" uuid PRIMARY KEY NOT NULL,
	"person_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"title" text,
	"department" text,
	"is_primary_contact" boolean DEFAULT false NOT NULL,
	"valid_from" timestamp with time zone NOT NULL,
	"valid_to" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "addresses" ADD CONSTRAINT "addresses_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "addresses" ADD CONSTRAINT "addresses_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "channel_preferences" ADD CONSTRAINT "channel_preferences_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consents" ADD CONSTRAINT "consents_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "emails" ADD CONSTRAINT "emails_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "emails" ADD CONSTRAINT "emails_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "phones" ADD CONSTRAINT "phones_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "phones" ADD CONSTRAINT "phones_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roles" ADD CONSTRAINT "roles_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roles" ADD CONSTRAINT "roles_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "addresses_person_idx" ON "addresses" USING btree ("person_id","valid_from");--> statement-breakpoint
CREATE INDEX "addresses_org_idx" ON "addresses" USING btree ("organization_id","valid_from");--> statement-breakpoint
CREATE INDEX "addresses_current_city_idx" ON "addresses" USING btree ("city") WHERE valid_to is null;--> statement-breakpoint
CREATE UNIQUE INDEX "channel_preferences_topic_idx" ON "channel_preferences" USING btree ("person_id","topic");--> statement-breakpoint
CREATE INDEX "consents_person_idx" ON "consents" USING btree ("person_id","purpose","channel","recorded_at");--> statement-breakpoint
CREATE UNIQUE INDEX "custom_attributes_key_idx" ON "custom_attributes" USING btree ("entity","key");--> statement-breakpoint
CREATE INDEX "emails_canonical_idx" ON "emails" USING btree ("canonical");--> statement-breakpoint
CREATE INDEX "emails_person_idx" ON "emails" USING btree ("person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "external_ids_key_idx" ON "external_ids" USING btree ("entity","system","external_id");--> statement-breakpoint
CREATE INDEX "external_ids_entity_idx" ON "external_ids" USING btree ("entity_id");--> statement-breakpoint
CREATE UNIQUE INDEX "organizations_orgnr_idx" ON "organizations" USING btree ("organisationsnummer") WHERE organisationsnummer is not null;--> statement-breakpoint
CREATE INDEX "organizations_name_idx" ON "organizations" USING btree ("name","id");--> statement-breakpoint
CREATE INDEX "organizations_parent_idx" ON "organizations" USING btree ("parent_id");--> statement-breakpoint
CREATE INDEX "organizations_search_trgm_idx" ON "organizations" USING gin ("search_text" gin_trgm_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "people_personnummer_idx" ON "people" USING btree ("personnummer") WHERE personnummer is not null;--> statement-breakpoint
CREATE INDEX "people_name_idx" ON "people" USING btree ("surname","given_names","id");--> statement-breakpoint
CREATE INDEX "people_owner_idx" ON "people" USING btree ("owner_id");--> statement-breakpoint
CREATE INDEX "people_stage_idx" ON "people" USING btree ("lifecycle_stage");--> statement-breakpoint
CREATE INDEX "people_search_trgm_idx" ON "people" USING gin ("search_text" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "people_custom_idx" ON "people" USING gin ("custom");--> statement-breakpoint
CREATE INDEX "phones_e164_idx" ON "phones" USING btree ("e164");--> statement-breakpoint
CREATE INDEX "phones_person_idx" ON "phones" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "roles_person_idx" ON "roles" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "roles_org_idx" ON "roles" USING btree ("organization_id");