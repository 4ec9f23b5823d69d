import { eq } from "drizzle-orm";
import type { Ctx } from "../../kernel/ctx";
import { notFound } from "../../kernel/errors";
import { authorize } from "../../kernel/permissions";
import { withHistory } from "./case-detail";
import { cases } from "./schema";
import type { TCaseDetail } from "./view";

/** One case with its history. */
export async function getCase(ctx: Ctx, id: string): Promise<TCaseDetail> {
  authorize(ctx.actor, "support", "read");
  const [row] = await ctx.db.select().from(cases).where(eq(cases.id, id));
  if (!row) throw notFound("case", id);
  return withHistory(ctx, row);
}
