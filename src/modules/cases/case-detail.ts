import { asc, eq } from "drizzle-orm";
import type { Ctx } from "../../kernel/ctx";
import { caseEvents, type cases } from "./schema";
import { type TCaseDetail, toCaseEventView, toCaseView } from "./view";

/** The case as the API shows it: its row with its history. */
export async function withHistory(ctx: Ctx, row: typeof cases.$inferSelect): Promise<TCaseDetail> {
  const events = await ctx.db
    .select()
    .from(caseEvents)
    .where(eq(caseEvents.caseId, row.id))
    .orderBy(asc(caseEvents.at), asc(caseEvents.id));
  return { ...toCaseView(row), events: events.map(toCaseEventView) };
}
