import { asc } from "drizzle-orm";
import type { Ctx } from "../../kernel/ctx";
import { authorize } from "../../kernel/permissions";
import type { TSource } from "./create-write-key";
import { sources } from "./schema";

export async function listSources(ctx: Ctx): Promise<TSource[]> {
  authorize(ctx.actor, "events", "read");
  const rows = await ctx.db.select().from(sources).orderBy(asc(sources.name));
  return rows.map(({ writeKeyHash: _hidden, createdBy: _by, ...source }) => source);
}
