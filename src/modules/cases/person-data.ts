import { asc, desc, eq, inArray, sql } from "drizzle-orm";
import type { Ctx } from "../../kernel/ctx";
import { authorize } from "../../kernel/permissions";
import { caseEvents, cases } from "./schema";
import { type TCaseDetail, toCaseEventView, toCaseView } from "./view";

/** Every case of the person with its history, for a GDPR access request. */
export async function exportCasesOfPerson(ctx: Ctx, personId: string): Promise<TCaseDetail[]> {
  authorize(ctx.actor, "support", "read");
  const rows = await ctx.db.select().from(cases).where(eq(cases.personId, personId)).orderBy(desc(cases.openedAt));
  if (rows.length === 0) return [];
  const events = await ctx.db
    .select()
    .from(caseEvents)
    .where(
      inArray(
        caseEvents.caseId,
        rows.map((row) => row.id),
      ),
    )
    .orderBy(asc(caseEvents.at), asc(caseEvents.id));
  return rows.map((row) => ({
    ...toCaseView(row),
    events: events.filter((event) => event.caseId === row.id).map(toCaseEventView),
  }));
}

/**
 * Erasure keeps what support statistics need (category, channel, priority, lines, escalations
 * and every status change with its time) but removes what was written about the person and cuts
 * the case loose from them. Returns the ids, so their audit snapshots can be redacted too.
 */
export async function anonymiseCasesOfPerson(ctx: Ctx, personId: string): Promise<string[]> {
  const updated = await ctx.db
    .update(cases)
    .set({
      personId: null,
      subject: "(raderat)",
      description: null,
      externalId: null,
      data: {},
      updatedAt: ctx.clock.now(),
    })
    .where(eq(cases.personId, personId))
    .returning({ id: cases.id });
  const ids = updated.map((row) => row.id);
  if (ids.length > 0) {
    await ctx.db
      .update(caseEvents)
      .set({ data: sql`${caseEvents.data} - 'text' - 'reason'` })
      .where(inArray(caseEvents.caseId, ids));
  }
  return ids;
}
