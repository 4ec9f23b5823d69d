ALTER TABLE "people" ADD COLUMN "last_contact_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "people_last_contact_idx" ON "people" USING btree ("last_contact_at") WHERE merged_into is null and erased_at is null and last_contact_at is not null;--> statement-breakpoint
-- The people already contacted: the latest of their logged calls, meetings and e-mails.
UPDATE "people" p SET "last_contact_at" = a.latest
FROM (
  SELECT "person_id", max("occurred_at") AS latest FROM "activities"
  WHERE "kind" IN ('call', 'meeting', 'email') AND "person_id" IS NOT NULL
  GROUP BY "person_id"
) a
WHERE a."person_id" = p."id";
