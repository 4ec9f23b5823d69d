import { and, inArray, max } from "drizzle-orm";
import type { Ctx } from "../../kernel/ctx";
import { activities } from "./schema";

/** The activities that are contact with the customer: a call, a meeting, an e-mail. */
export const CONTACT_KINDS = ["call", "meeting", "email"] as const;

/** When staff last called, met or e-mailed each of these people; null for one never contacted. */
export async function lastContactTimes(
  ctx: Ctx,
  personIds: readonly string[],
): Promise<Array<{ personId: string; at: Date | null }>> {
  const latest = new Map<string, Date>();
  for (let start = 0; start < personIds.length; start += 1000) {
    const part = personIds.slice(start, start + 1000) as string[];
    const rows = await ctx.db
      .select({ personId: activities.personId, at: max(activities.occurredAt) })
      .from(activities)
      .where(and(inArray(activities.personId, part), inArray(activities.kind, [...CONTACT_KINDS])))
      .groupBy(activities.personId);
    for (const row of rows) if (row.personId && row.at) latest.set(row.personId, new Date(row.at));
  }
  return [...new Set(personIds)].map((personId) => ({ personId, at: latest.get(personId) ?? null }));
}
