import { sql } from "drizzle-orm";
import { queryRows } from "../../db/rows";
import type { Ctx } from "../../kernel/ctx";

/**
 * The next member of a team queue in turn. The position is kept in the database under a row lock,
 * so two processes assigning at once still take turns.
 */
export async function nextInRotation(ctx: Ctx, teamId: string, memberIds: readonly string[]): Promise<string | null> {
  const members = [...memberIds].sort();
  if (members.length === 0) return null;
  const [row] = await queryRows<{ last_user_id: string | null }>(
    ctx.db,
    sql`insert into rule_assignment_cursors (team_id, last_user_id, updated_at) values (${teamId}, null, ${ctx.clock.now().toISOString()})
        on conflict (team_id) do update set updated_at = excluded.updated_at
        returning last_user_id`,
  );
  const last = row?.last_user_id ?? null;
  const next = members.find((id) => last === null || id > last) ?? (members[0] as string);
  await ctx.db.execute(sql`update rule_assignment_cursors set last_user_id = ${next} where team_id = ${teamId}`);
  return next;
}
