-- What a team, or a seller, holds: counted before a team is deleted or a seller deactivated,
-- moved by a hand-over, and filtered by in the lists ("Team: Syd"). People were indexed by owner
-- only, organisations by neither: each such count scanned the whole table. Partial, as the owner
-- index: most imported records have no team.
CREATE INDEX "organizations_owner_idx" ON "organizations" USING btree ("owner_id") WHERE owner_id is not null;--> statement-breakpoint
CREATE INDEX "organizations_owner_team_idx" ON "organizations" USING btree ("owner_team_id") WHERE owner_team_id is not null;--> statement-breakpoint
CREATE INDEX "people_owner_team_idx" ON "people" USING btree ("owner_team_id") WHERE owner_team_id is not null;