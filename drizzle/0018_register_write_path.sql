-- The register's write path: every person an import or a form creates writes fewer and cheaper
-- index entries.
-- * Keys compared byte by byte (COLLATE "C"): personnummer, external ids and name words are
--   matched for equality and prefix, never sorted for a reader by language rules, and under the
--   database's locale every btree step of each insert went through strcoll. With personnummer
--   bytewise, its unique index serves prefix search too, and the text_pattern_ops copy goes.
-- * Partial where most rows hold nothing: owner (an imported person has none), and the address
--   indexes by person and by organisation (an address belongs to one of the two).
DROP INDEX "people_personnummer_prefix_idx";--> statement-breakpoint
DROP INDEX "addresses_person_idx";--> statement-breakpoint
DROP INDEX "addresses_org_idx";--> statement-breakpoint
DROP INDEX "people_owner_idx";--> statement-breakpoint
CREATE INDEX "addresses_person_idx" ON "addresses" USING btree ("person_id","valid_from") WHERE person_id is not null;--> statement-breakpoint
CREATE INDEX "addresses_org_idx" ON "addresses" USING btree ("organization_id","valid_from") WHERE organization_id is not null;--> statement-breakpoint
CREATE INDEX "people_owner_idx" ON "people" USING btree ("owner_id") WHERE owner_id is not null;--> statement-breakpoint
ALTER TABLE people ALTER COLUMN personnummer TYPE text COLLATE "C";--> statement-breakpoint
ALTER TABLE external_ids ALTER COLUMN system TYPE text COLLATE "C";--> statement-breakpoint
ALTER TABLE external_ids ALTER COLUMN external_id TYPE text COLLATE "C";--> statement-breakpoint
ALTER TABLE person_name_words ALTER COLUMN word TYPE text COLLATE "C";--> statement-breakpoint
ALTER TABLE name_vocabulary ALTER COLUMN word TYPE text COLLATE "C";
