import { and, eq, inArray } from "drizzle-orm";
import type { Ctx } from "../../kernel/ctx";
import { messages } from "./schema";

/** A merge moves a person's messages to the survivor; returns their ids for an unmerge. */
export async function moveMessagesOfPerson(ctx: Ctx, fromPersonId: string, toPersonId: string): Promise<string[]> {
  const moved = await ctx.db
    .update(messages)
    .set({ personId: toPersonId })
    .where(eq(messages.personId, fromPersonId))
    .returning({ id: messages.id });
  return moved.map((row) => row.id);
}

/** An unmerge gives the listed messages back, where they are still with the survivor. */
export async function returnMessages(ctx: Ctx, ids: readonly string[], fromPersonId: string, toPersonId: string) {
  if (ids.length === 0) return;
  await ctx.db
    .update(messages)
    .set({ personId: toPersonId })
    .where(and(inArray(messages.id, [...ids]), eq(messages.personId, fromPersonId)));
}
