DROP INDEX "emails_canonical_idx";--> statement-breakpoint
DROP INDEX "organizations_search_trgm_idx";--> statement-breakpoint
DROP INDEX "people_search_trgm_idx";--> statement-breakpoint
DROP INDEX "phones_e164_idx";--> statement-breakpoint
CREATE INDEX "people_personnummer_prefix_idx" ON "people" USING btree ("personnummer" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "emails_canonical_idx" ON "emails" USING btree ("canonical" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "organizations_search_trgm_idx" ON "organizations" USING gist ("search_text" gist_trgm_ops);--> statement-breakpoint
CREATE INDEX "people_search_trgm_idx" ON "people" USING gist ("search_text" gist_trgm_ops);--> statement-breakpoint
CREATE INDEX "phones_e164_idx" ON "phones" USING btree ("e164" text_pattern_ops);