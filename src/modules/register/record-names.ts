import { inArray } from "drizzle-orm";
import type { Ctx } from "../../kernel/ctx";
import { authorize } from "../../kernel/permissions";
import { organizations, people } from "./schema";

export interface TRecordName {
  /** As the people list shows it: the greeting name and the surname; an organisation's name. */
  name: string;
}

/**
 * The names of people and organisations by id, for lists that name the customer a row is about
 * (a to-do list, a queue). Ids not in the register are left out of the maps. An erased person's
 * activities are deleted with their data, so no list names one.
 */
export async function recordNames(
  ctx: Ctx,
  ids: { people: readonly string[]; organizations: readonly string[] },
): Promise<{ people: Map<string, TRecordName>; organizations: Map<string, TRecordName> }> {
  authorize(ctx.actor, "register", "read");
  const found = { people: new Map<string, TRecordName>(), organizations: new Map<string, TRecordName>() };
  if (ids.people.length > 0) {
    const rows = await ctx.db
      .select({ id: people.id, greetingName: people.greetingName, surname: people.surname })
      .from(people)
      .where(inArray(people.id, [...new Set(ids.people)]));
    for (const row of rows) found.people.set(row.id, { name: `${row.greetingName} ${row.surname}`.trim() });
  }
  if (ids.organizations.length > 0) {
    const rows = await ctx.db
      .select({ id: organizations.id, name: organizations.name })
      .from(organizations)
      .where(inArray(organizations.id, [...new Set(ids.organizations)]));
    for (const row of rows) found.organizations.set(row.id, { name: row.name });
  }
  return found;
}
