import { actingUserId } from "../../kernel/actor";
import { type Ctx, newId } from "../../kernel/ctx";
import { type CASE_EVENT_KINDS, caseEvents } from "./schema";

/** Appends one entry to a case's history, as the acting user or rule, inside the caller's transaction. */
export async function appendCaseEvent(
  ctx: Ctx,
  caseId: string,
  kind: (typeof CASE_EVENT_KINDS)[number],
  data: Record<string, unknown> = {},
): Promise<void> {
  await ctx.db.insert(caseEvents).values({
    id: newId(ctx),
    caseId,
    kind,
    actorLabel: ctx.actor.label,
    actorUserId: actingUserId(ctx.actor),
    at: ctx.clock.now(),
    data,
  });
}
