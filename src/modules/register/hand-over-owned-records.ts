import { count, eq } from "drizzle-orm";
import { recordAudits } from "../../kernel/audit";
import type { Ctx } from "../../kernel/ctx";
import { emitEvent } from "../../kernel/events";
import { organizations, people } from "./schema";
import { PERSON_UPDATED } from "./update-person";

/** How many people and organisations an owner holds. */
export interface TOwnedRecordCounts {
  people: number;
  organizations: number;
}

/**
 * A user's count is of what they own by name, not through a team; a team's is of every record it
 * owns, whether or not a user owns it too.
 */
export async function countOwnedRecords(
  ctx: Ctx,
  owner: { userId: string } | { teamId: string },
): Promise<TOwnedRecordCounts> {
  const ownedBy = (table: typeof people | typeof organizations) =>
    "userId" in owner ? eq(table.ownerId, owner.userId) : eq(table.ownerTeamId, owner.teamId);
  const [[persons], [orgs]] = await Promise.all([
    ctx.db.select({ n: count() }).from(people).where(ownedBy(people)),
    ctx.db.select({ n: count() }).from(organizations).where(ownedBy(organizations)),
  ]);
  return { people: Number(persons?.n ?? 0), organizations: Number(orgs?.n ?? 0) };
}

/**
 * Gives every person and organisation a user owns to another user or to a team, inside the
 * caller's transaction (the hand-over flow checks the parties and its caller's right to do it).
 * Given to a user, a record keeps its owning team; given to a team, the team becomes its only
 * owner. Each record's own audit trail says who took it over, and each person's change is an
 * event like any other change of owner.
 */
export async function handOverOwnedRecords(
  ctx: Ctx,
  fromUserId: string,
  to: { userId: string } | { teamId: string },
): Promise<TOwnedRecordCounts> {
  const now = ctx.clock.now();
  const change = "userId" in to ? { ownerId: to.userId } : { ownerId: null, ownerTeamId: to.teamId };
  const moved: TOwnedRecordCounts = { people: 0, organizations: 0 };
  for (const [entity, table] of [
    ["person", people],
    ["organization", organizations],
  ] as const) {
    const before = await ctx.db
      .select({ id: table.id, ownerId: table.ownerId, ownerTeamId: table.ownerTeamId })
      .from(table)
      .where(eq(table.ownerId, fromUserId))
      .for("update");
    if (before.length === 0) continue;
    await ctx.db
      .update(table)
      .set({ ...change, updatedAt: now })
      .where(eq(table.ownerId, fromUserId));
    await recordAudits(
      ctx,
      before.map((row) => ({
        action: `${entity}.hand_over`,
        entity,
        entityId: row.id,
        before: { ownerId: row.ownerId, ownerTeamId: row.ownerTeamId },
        after: { ownerId: change.ownerId, ownerTeamId: "ownerTeamId" in change ? change.ownerTeamId : row.ownerTeamId },
      })),
    );
    if (entity === "person") {
      // Rules that listen for a change of owner (a welcome from the new seller) hear of it.
      const changed = "userId" in to ? ["ownerId"] : ["ownerId", "ownerTeamId"];
      for (const row of before) await emitEvent(ctx, PERSON_UPDATED, { personId: row.id, changed });
    }
    moved[entity === "person" ? "people" : "organizations"] = before.length;
  }
  return moved;
}
