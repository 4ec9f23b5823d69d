ALTER TABLE "channel_preferences" ADD COLUMN "source_system" text;--> statement-breakpoint
ALTER TABLE "channel_preferences" ADD COLUMN "source_external_id" text;--> statement-breakpoint
ALTER TABLE "channel_preferences" ADD COLUMN "source_received_at" timestamp with time zone;--> statement-breakpoint
-- Until now only the API set channel preferences, and nothing said where the customer gave them.
UPDATE "channel_preferences" SET "source_system" = 'api', "source_received_at" = "updated_at";--> statement-breakpoint
ALTER TABLE "channel_preferences" ALTER COLUMN "source_system" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "channel_preferences" ALTER COLUMN "source_received_at" SET NOT NULL;
