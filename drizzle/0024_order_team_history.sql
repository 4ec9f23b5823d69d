-- An order keeps the team its seller was in when it was recorded, as a closed case keeps its
-- queue: history, which a team deleted later must not rewrite or block. People and organisations
-- keep their constraint: a team that still owns customers cannot be deleted.
ALTER TABLE "orders" DROP CONSTRAINT IF EXISTS "orders_owner_team_id_ref_teams";
