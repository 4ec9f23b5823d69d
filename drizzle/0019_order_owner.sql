ALTER TABLE "orders" ADD COLUMN "owner_id" uuid;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "owner_team_id" uuid;--> statement-breakpoint
-- An owner is a user or team that exists. Named <table>_<column>_ref_<target> so that a refused
-- write can say which field was wrong. Hand-written: the modules' schemas do not import each other.
ALTER TABLE "people" ADD CONSTRAINT "people_owner_id_ref_users" FOREIGN KEY ("owner_id") REFERENCES "users"("id");--> statement-breakpoint
ALTER TABLE "people" ADD CONSTRAINT "people_owner_team_id_ref_teams" FOREIGN KEY ("owner_team_id") REFERENCES "teams"("id");--> statement-breakpoint
ALTER TABLE "organizations" ADD CONSTRAINT "organizations_owner_id_ref_users" FOREIGN KEY ("owner_id") REFERENCES "users"("id");--> statement-breakpoint
ALTER TABLE "organizations" ADD CONSTRAINT "organizations_owner_team_id_ref_teams" FOREIGN KEY ("owner_team_id") REFERENCES "teams"("id");--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_owner_id_ref_users" FOREIGN KEY ("owner_id") REFERENCES "users"("id");--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_owner_id_ref_users" FOREIGN KEY ("owner_id") REFERENCES "users"("id");--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_owner_team_id_ref_teams" FOREIGN KEY ("owner_team_id") REFERENCES "teams"("id");
