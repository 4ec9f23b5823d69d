import { asc } from "drizzle-orm";
import type { Ctx } from "../../kernel/ctx";
import { authorize } from "../../kernel/permissions";
import { users } from "./schema";
import { type TUser, toUserViews } from "./user-view";

export async function listUsers(ctx: Ctx): Promise<TUser[]> {
  authorize(ctx.actor, "access", "read");
  const rows = await ctx.db.select().from(users).orderBy(asc(users.email));
  return toUserViews(ctx.db, rows);
}
