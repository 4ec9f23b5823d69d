ALTER TABLE "organizations" ADD COLUMN "last_contact_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "next_contact_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "people" ADD COLUMN "next_contact_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "organizations_last_contact_idx" ON "organizations" USING btree ("last_contact_at") WHERE last_contact_at is not null;--> statement-breakpoint
CREATE INDEX "organizations_next_contact_idx" ON "organizations" USING btree ("next_contact_at") WHERE next_contact_at is not null;--> statement-breakpoint
CREATE INDEX "people_next_contact_idx" ON "people" USING btree ("next_contact_at") WHERE next_contact_at is not null;--> statement-breakpoint
-- A call, meeting or e-mail booked ahead is no contact yet: the people with one get their last
-- contact from those that have happened, and the booked one as their next.
UPDATE "people" p SET "last_contact_at" = c.last, "next_contact_at" = c.next
FROM (
  SELECT "person_id",
    max("occurred_at") FILTER (WHERE "occurred_at" <= now()) AS last,
    min("occurred_at") FILTER (WHERE "occurred_at" > now()) AS next
  FROM "activities"
  WHERE "kind" IN ('call', 'meeting', 'email') AND "person_id" IS NOT NULL
  GROUP BY "person_id"
  HAVING max("occurred_at") > now()
) c
WHERE c."person_id" = p."id";--> statement-breakpoint
-- The companies: the latest call, meeting or e-mail logged on the company or with anyone who
-- works there now, and the next one booked.
UPDATE "organizations" o SET "last_contact_at" = c.last, "next_contact_at" = c.next
FROM (
  SELECT o2.id,
    greatest(
      (SELECT max(a."occurred_at") FROM "activities" a
        WHERE a."organization_id" = o2.id AND a."kind" IN ('call', 'meeting', 'email') AND a."occurred_at" <= now()),
      (SELECT max(p."last_contact_at") FROM "roles" r JOIN "people" p ON p."id" = r."person_id"
        WHERE r."organization_id" = o2.id AND r."valid_to" IS NULL AND p."merged_into" IS NULL AND p."erased_at" IS NULL)
    ) AS last,
    least(
      (SELECT min(a."occurred_at") FROM "activities" a
        WHERE a."organization_id" = o2.id AND a."kind" IN ('call', 'meeting', 'email') AND a."occurred_at" > now()),
      (SELECT min(p."next_contact_at") FROM "roles" r JOIN "people" p ON p."id" = r."person_id"
        WHERE r."organization_id" = o2.id AND r."valid_to" IS NULL AND p."merged_into" IS NULL AND p."erased_at" IS NULL)
    ) AS next
  FROM "organizations" o2
) c
WHERE c.id = o.id AND (c.last IS NOT NULL OR c.next IS NOT NULL);
