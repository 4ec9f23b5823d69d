-- A team's case queue (the first or second line's list), and what a team holds before it is
-- deleted or its work handed over, read cases by team: indexed by person, company, assignee and
-- status, but not by team, each such read scanned every case.
CREATE INDEX "cases_team_idx" ON "cases" USING btree ("team_id","opened_at" DESC NULLS LAST);