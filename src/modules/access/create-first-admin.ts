import { sql } from "drizzle-orm";
import { queryRows } from "../../db/rows";
import { systemActor } from "../../kernel/actor";
import type { Ctx } from "../../kernel/ctx";
import { withTransaction } from "../../kernel/ctx";
import { AppError } from "../../kernel/errors";
import { createUser, type TCreateUserInput } from "./create-user";
import type { TUser } from "./user-view";

/** A fixed advisory lock key: two first-run forms submitted at once must not both succeed. */
const SETUP_LOCK = 7_431_902_119;

export async function isSetupNeeded(ctx: Ctx): Promise<boolean> {
  const [row] = await queryRows<{ any: boolean }>(ctx.db, sql`select exists (select 1 from users) as any`);
  return !row?.any;
}

/**
 * The first start of a new installation: while no user exists, anyone who reaches the server may
 * create the first administrator, once. Afterwards only administrators create users.
 */
export async function createFirstAdmin(ctx: Ctx, input: Omit<TCreateUserInput, "role" | "teamIds">): Promise<TUser> {
  return withTransaction({ ...ctx, actor: systemActor("first-run setup") }, async (tx) => {
    await tx.db.execute(sql`select pg_advisory_xact_lock(${SETUP_LOCK})`);
    if (!(await isSetupNeeded(tx))) {
      throw new AppError("conflict", "This installation already has users; sign in instead");
    }
    return createUser(tx, { ...input, role: "admin" });
  });
}
