ALTER TABLE "custom_attributes" ADD COLUMN "description" text;--> statement-breakpoint
ALTER TABLE "custom_attributes" ADD COLUMN "retired_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "custom_attributes" ADD COLUMN "updated_at" timestamp with time zone;--> statement-breakpoint
-- Repeated choices (["Ja","Ja"], ["A","a"]) were accepted and broke every form that offered them.
-- Values are stored in the first spelling a choice was defined with, so keeping the first of each
-- repeated choice (compared trimmed, in any case) leaves every stored value a valid choice.
UPDATE "custom_attributes" SET "choices" = (
  SELECT array_agg(d."c" ORDER BY d."i") FROM (
    SELECT DISTINCT ON (lower(btrim(u."c"))) u."c", u."i"
    FROM unnest("custom_attributes"."choices") WITH ORDINALITY AS u("c", "i")
    ORDER BY lower(btrim(u."c")), u."i"
  ) d
) WHERE "type" = 'choice' AND "choices" IS NOT NULL;--> statement-breakpoint
UPDATE "custom_attributes" SET "choices" = NULL WHERE "type" <> 'choice';--> statement-breakpoint
UPDATE "custom_attributes" SET "updated_at" = "created_at";
