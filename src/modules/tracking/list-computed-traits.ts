import { asc } from "drizzle-orm";
import type { Ctx } from "../../kernel/ctx";
import { authorize } from "../../kernel/permissions";
import type { TComputedTrait } from "./define-computed-trait";
import { computedTraits } from "./schema";

export async function listComputedTraits(ctx: Ctx): Promise<TComputedTrait[]> {
  authorize(ctx.actor, "events", "read");
  const rows = await ctx.db.select().from(computedTraits).orderBy(asc(computedTraits.key));
  return rows.map(({ createdBy: _by, ...trait }) => trait);
}
