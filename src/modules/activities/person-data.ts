import { desc, eq, inArray } from "drizzle-orm";
import type { Ctx } from "../../kernel/ctx";
import { authorize } from "../../kernel/permissions";
import { activities, documents } from "./schema";
import { type TActivity, toActivityView } from "./view";

/** Everything this module holds on a person, for a GDPR access request. */
export async function exportActivitiesOfPerson(ctx: Ctx, personId: string): Promise<TActivity[]> {
  authorize(ctx.actor, "register", "read");
  const rows = await ctx.db
    .select()
    .from(activities)
    .where(eq(activities.personId, personId))
    .orderBy(desc(activities.occurredAt));
  const ids = rows.map((row) => row.id);
  const attached = ids.length
    ? await ctx.db
        .select({
          id: documents.id,
          activityId: documents.activityId,
          filename: documents.filename,
          contentType: documents.contentType,
          sizeBytes: documents.sizeBytes,
          sha256: documents.sha256,
          createdAt: documents.createdAt,
        })
        .from(documents)
        .where(inArray(documents.activityId, ids))
    : [];
  return rows.map((row) =>
    toActivityView(
      row,
      attached.filter((doc) => doc.activityId === row.id).map(({ activityId: _a, ...doc }) => doc),
    ),
  );
}

/** Erasure: activities and documents about the person are deleted; returns their ids. */
export async function eraseActivitiesOfPerson(ctx: Ctx, personId: string): Promise<string[]> {
  authorize(ctx.actor, "register", "write");
  const deleted = await ctx.db
    .delete(activities)
    .where(eq(activities.personId, personId))
    .returning({ id: activities.id });
  return deleted.map((row) => row.id);
}
