ALTER TABLE "addresses" ADD COLUMN "valid_from_stated" boolean DEFAULT false NOT NULL;--> statement-breakpoint
-- Addresses written so far: a start other than the moment the value arrived was stated.
UPDATE "addresses" SET "valid_from_stated" = true WHERE "valid_from" <> "source_received_at";
