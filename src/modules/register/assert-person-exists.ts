import { eq } from "drizzle-orm";
import type { Ctx } from "../../kernel/ctx";
import { notFound } from "../../kernel/errors";
import { authorize } from "../../kernel/permissions";
import { people } from "./schema";

/**
 * For reads other modules make under a person (their messages, merges, traits): 404 for an id
 * that names no one. A person merged away or erased is still a record, whose history may be read.
 */
export async function assertPersonExists(ctx: Ctx, personId: string): Promise<void> {
  authorize(ctx.actor, "register", "read");
  const [row] = await ctx.db.select({ id: people.id }).from(people).where(eq(people.id, personId));
  if (!row) throw notFound("person", personId);
}
