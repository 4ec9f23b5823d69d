import type { Ctx } from "../../kernel/ctx";
import { notFound } from "../../kernel/errors";
import { authorize } from "../../kernel/permissions";
import { findUserView, type TUser } from "./user-view";

/** Anyone may read their own profile; reading others takes access rights. */
export async function getUser(ctx: Ctx, id: string): Promise<TUser> {
  if (ctx.actor.kind === "system" || ctx.actor.userId !== id) authorize(ctx.actor, "access", "read");
  const user = await findUserView(ctx.db, id);
  if (!user) throw notFound("user", id);
  return user;
}
