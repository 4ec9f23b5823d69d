DROP INDEX "computed_trait_buckets_subject_idx";--> statement-breakpoint
DROP INDEX "tracked_message_ids_time_idx";--> statement-breakpoint
ALTER TABLE "computed_trait_buckets" DROP CONSTRAINT "computed_trait_buckets_trait_id_subject_day_pk";--> statement-breakpoint
ALTER TABLE "tracked_events" ALTER COLUMN "properties" SET DATA TYPE json;--> statement-breakpoint
ALTER TABLE "tracked_events" ALTER COLUMN "traits" SET DATA TYPE json;--> statement-breakpoint
ALTER TABLE "tracked_events" ALTER COLUMN "context" SET DATA TYPE json;--> statement-breakpoint
ALTER TABLE "tracked_events" ALTER COLUMN "integrations" SET DATA TYPE json;--> statement-breakpoint
ALTER TABLE "tracked_events" ALTER COLUMN "enrichment" SET DATA TYPE json;--> statement-breakpoint
ALTER TABLE "computed_trait_buckets" ADD CONSTRAINT "computed_trait_buckets_subject_trait_id_day_pk" PRIMARY KEY("subject","trait_id","day");--> statement-breakpoint
-- Room on each page for the new version of an updated bucket, so updates stay on the page (HOT) and the key is not written again.
ALTER TABLE "computed_trait_buckets" SET (fillfactor = 80);
