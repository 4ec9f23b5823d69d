import { and, eq, inArray } from "drizzle-orm";
import type { Ctx } from "../../kernel/ctx";
import { cases } from "./schema";

/** A merge moves a person's cases to the survivor; returns their ids for an unmerge. */
export async function moveCasesOfPerson(ctx: Ctx, fromPersonId: string, toPersonId: string): Promise<string[]> {
  const moved = await ctx.db
    .update(cases)
    .set({ personId: toPersonId })
    .where(eq(cases.personId, fromPersonId))
    .returning({ id: cases.id });
  return moved.map((row) => row.id);
}

/** An unmerge gives the listed cases back, where they are still with the survivor. */
export async function returnCases(ctx: Ctx, ids: readonly string[], fromPersonId: string, toPersonId: string) {
  if (ids.length === 0) return;
  await ctx.db
    .update(cases)
    .set({ personId: toPersonId })
    .where(and(inArray(cases.id, [...ids]), eq(cases.personId, fromPersonId)));
}
