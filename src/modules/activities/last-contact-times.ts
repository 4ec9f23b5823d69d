import { and, inArray, type SQL, sql } from "drizzle-orm";
import type { Ctx } from "../../kernel/ctx";
import { activities } from "./schema";

/** The activities that are contact with the customer: a call, a meeting, an e-mail. */
export const CONTACT_KINDS = ["call", "meeting", "email"] as const;

/** When a customer was last contacted, and when the next contact booked ahead is; null for none. */
export interface TContactTimes {
  at: Date | null;
  next: Date | null;
}

/**
 * The contact activities of each record by `column`, split at the clock's now: what has happened
 * is contact, what lies ahead is booked.
 */
async function contactTimes(ctx: Ctx, column: SQL, ids: readonly string[]): Promise<Map<string, TContactTimes>> {
  const now = ctx.clock.now().toISOString();
  const found = new Map<string, TContactTimes>();
  for (let start = 0; start < ids.length; start += 1000) {
    const part = ids.slice(start, start + 1000) as string[];
    const rows = await ctx.db
      .select({
        id: sql<string>`${column}`,
        at: sql<string | null>`max(${activities.occurredAt}) filter (where ${activities.occurredAt} <= ${now})`,
        next: sql<string | null>`min(${activities.occurredAt}) filter (where ${activities.occurredAt} > ${now})`,
      })
      .from(activities)
      .where(and(inArray(column, part), inArray(activities.kind, [...CONTACT_KINDS])))
      .groupBy(column);
    for (const row of rows) {
      found.set(row.id, { at: row.at ? new Date(row.at) : null, next: row.next ? new Date(row.next) : null });
    }
  }
  return found;
}

/** When staff last called, met or e-mailed each of these people, and the next contact booked. */
export async function lastContactTimes(
  ctx: Ctx,
  personIds: readonly string[],
): Promise<Array<{ personId: string } & TContactTimes>> {
  const found = await contactTimes(ctx, sql`${activities.personId}`, personIds);
  return [...new Set(personIds)].map((personId) => ({
    personId,
    ...(found.get(personId) ?? { at: null, next: null }),
  }));
}

/**
 * The same for companies, from the activities logged on the company itself. Contact with the
 * people who work there is the register's to add.
 */
export async function lastOrganizationContactTimes(
  ctx: Ctx,
  organizationIds: readonly string[],
): Promise<Array<{ organizationId: string } & TContactTimes>> {
  const found = await contactTimes(ctx, sql`${activities.organizationId}`, organizationIds);
  return [...new Set(organizationIds)].map((organizationId) => ({
    organizationId,
    ...(found.get(organizationId) ?? { at: null, next: null }),
  }));
}
