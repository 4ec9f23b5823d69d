import { asc, eq } from "drizzle-orm";
import { z } from "zod";
import type { Ctx } from "../../kernel/ctx";
import { authorize } from "../../kernel/permissions";
import { teams, users } from "./schema";

export const ZDirectory = z.object({
  users: z.array(z.object({ id: z.uuid(), name: z.string() })),
  teams: z.array(z.object({ id: z.uuid(), name: z.string() })),
});
export type TDirectory = z.infer<typeof ZDirectory>;

/**
 * Who the colleagues are, by name: what a record page needs to say who owns a customer or who
 * merged two records. Every role reads the register, so every signed-in user may ask; it holds
 * names only (no e-mail, role or team membership), which the user list keeps for administrators.
 * Deactivated users are left out: they own nothing new and are no one to turn to.
 */
export async function listDirectory(ctx: Ctx): Promise<TDirectory> {
  authorize(ctx.actor, "register", "read");
  const [people, groups] = await Promise.all([
    ctx.db
      .select({ id: users.id, name: users.name })
      .from(users)
      .where(eq(users.active, true))
      .orderBy(asc(users.name)),
    ctx.db.select({ id: teams.id, name: teams.name }).from(teams).orderBy(asc(teams.name)),
  ]);
  return { users: people, teams: groups };
}
