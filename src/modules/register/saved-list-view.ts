import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Ctx } from "../../kernel/ctx";
import { AppError, notFound } from "../../kernel/errors";
import { parseInput } from "../../kernel/validate";
import { listOrganizations } from "./list-organizations";
import { listPeople } from "./list-people";
import {
  listQueryField,
  organizationsListInput,
  peopleListInput,
  ZOrganizationsExportQuery,
  ZPeopleExportQuery,
} from "./list-query";
import { SAVED_LIST_ENTITIES, savedLists } from "./schema";

export const ZSavedListName = z.string().trim().min(1).max(80);

/** A list's search, filters and order, as the list endpoint takes them. */
export const ZSavedListQuery = z.record(z.string(), z.union([z.string(), z.array(z.string())]));

export const ZSavedList = z.object({
  id: z.uuid(),
  entity: z.enum(SAVED_LIST_ENTITIES),
  name: z.string(),
  query: ZSavedListQuery,
  userId: z.uuid().describe("The user who saved it"),
  shared: z.boolean(),
  mine: z.boolean().describe("Whether the asking user saved it, and so may change or delete it"),
  createdAt: z.date(),
  updatedAt: z.date(),
});
export type TSavedList = z.infer<typeof ZSavedList>;

export function toSavedList(row: typeof savedLists.$inferSelect, userId: string | null): TSavedList {
  return { ...row, mine: row.userId === userId };
}

/**
 * Checks a query as its list would read it, attributes and values included, so a saved list
 * always opens; a fault is named inside `query` (`query.filter.0`).
 */
export async function checkSavedListQuery(
  ctx: Ctx,
  entity: (typeof SAVED_LIST_ENTITIES)[number],
  query: Record<string, string | string[]>,
): Promise<Record<string, string | string[]>> {
  try {
    if (entity === "person") {
      const parsed = parseInput(ZPeopleExportQuery, query);
      await listPeople(ctx, { ...peopleListInput(parsed), limit: 1 });
    } else {
      const parsed = parseInput(ZOrganizationsExportQuery, query);
      await listOrganizations(ctx, { ...organizationsListInput(parsed), limit: 1 });
    }
  } catch (error) {
    throw error instanceof AppError ? error.under("query", listQueryField) : error;
  }
  // Empty values choose nothing; they are left out so that two saves of one list look alike.
  return Object.fromEntries(Object.entries(query).filter(([, value]) => value.length > 0));
}

/**
 * Locks a saved list the caller may change: the user who saved it, or an admin. Another user's
 * unshared list is answered as one that does not exist; a shared one as not theirs to change.
 */
export async function lockChangeableList(
  ctx: Ctx,
  id: string,
  userId: string | null,
): Promise<typeof savedLists.$inferSelect> {
  const [row] = await ctx.db.select().from(savedLists).where(eq(savedLists.id, id)).for("update");
  const admin = ctx.actor.role === "admin";
  if (!row || (row.userId !== userId && !row.shared && !admin)) throw notFound("saved_list", id);
  if (row.userId !== userId && !admin) {
    throw new AppError("forbidden", "Another user saved this list; only they or an admin may change it");
  }
  return row;
}

/** A saved list belongs to a user; the system itself (the CLI) saves none. */
export function savingUser(userId: string | null): string {
  if (userId === null) throw new AppError("bad_request", "A saved list belongs to a user; sign in or use a user's key");
  return userId;
}

export function nameTaken(name: string): AppError {
  return new AppError("already_exists", `You already have a list named ${name}`, {
    fields: [{ field: "name", code: "duplicate", message: `You already have a list named ${name}` }],
  });
}
