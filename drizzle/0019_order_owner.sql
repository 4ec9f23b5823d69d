ALTER TABLE "orders" ADD COLUMN "owner_id" uuid;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "owner_team_id" uuid;--> statement-breakpoint
-- Owners were not checked before: a reference to no user or team is cleared first, or the
-- constraints below could not be added to an existing register.
UPDATE "people" SET "owner_id" = NULL WHERE "owner_id" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "users" u WHERE u."id" = "people"."owner_id");--> statement-breakpoint
UPDATE "people" SET "owner_team_id" = NULL WHERE "owner_team_id" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "teams" t WHERE t."id" = "people"."owner_team_id");--> statement-breakpoint
UPDATE "organizations" SET "owner_id" = NULL WHERE "owner_id" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "users" u WHERE u."id" = "organizations"."owner_id");--> statement-breakpoint
UPDATE "organizations" SET "owner_team_id" = NULL WHERE "owner_team_id" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "teams" t WHERE t."id" = "organizations"."owner_team_id");--> statement-breakpoint
UPDATE "activities" SET "owner_id" = NULL WHERE "owner_id" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "users" u WHERE u."id" = "activities"."owner_id");--> statement-breakpoint
-- An owner is a user or team that exists. Named <table>_<column>_ref_<target> so that a refused
-- write can say which field was wrong. Hand-written: the modules' schemas do not import each other.
ALTER TABLE "people" ADD CONSTRAINT "people_owner_id_ref_users" FOREIGN KEY ("owner_id") REFERENCES "users"("id");--> statement-breakpoint
ALTER TABLE "people" ADD CONSTRAINT "people_owner_team_id_ref_teams" FOREIGN KEY ("owner_team_id") REFERENCES "teams"("id");--> statement-breakpoint
ALTER TABLE "organizations" ADD CONSTRAINT "organizations_owner_id_ref_users" FOREIGN KEY ("owner_id") REFERENCES "users"("id");--> statement-breakpoint
ALTER TABLE "organizations" ADD CONSTRAINT "organizations_owner_team_id_ref_teams" FOREIGN KEY ("owner_team_id") REFERENCES "teams"("id");--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_owner_id_ref_users" FOREIGN KEY ("owner_id") REFERENCES "users"("id");--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_owner_id_ref_users" FOREIGN KEY ("owner_id") REFERENCES "users"("id");--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_owner_team_id_ref_teams" FOREIGN KEY ("owner_team_id") REFERENCES "teams"("id");
