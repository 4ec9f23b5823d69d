import { eq } from "drizzle-orm";
import type { Ctx } from "../../kernel/ctx";
import { notFound } from "../../kernel/errors";
import { authorize } from "../../kernel/permissions";
import type { TSource } from "./create-write-key";
import { sources } from "./schema";

/** One tracking source, revoked or not; 404 for an id that names none. */
export async function getSource(ctx: Ctx, id: string): Promise<TSource> {
  authorize(ctx.actor, "events", "read");
  const [row] = await ctx.db.select().from(sources).where(eq(sources.id, id));
  if (!row) throw notFound("source", id);
  const { writeKeyHash: _hidden, createdBy: _by, ...source } = row;
  return source;
}
