import { count, eq } from "drizzle-orm";
import { recordAudits } from "../../kernel/audit";
import type { Ctx } from "../../kernel/ctx";
import { emitEvents } from "../../kernel/events";
import { organizations, people } from "./schema";
import { PERSON_UPDATED } from "./update-person";

/** Who hands records over, and who takes them: a user or a team. */
export type TRecordHolder = { userId: string } | { teamId: string };

/** How many people and organisations an owner holds. */
export interface TOwnedRecordCounts {
  people: number;
  organizations: number;
}

/**
 * A user's count is of what they own by name, not through a team; a team's is of every record it
 * owns, whether or not a user owns it too.
 */
export async function countOwnedRecords(ctx: Ctx, owner: TRecordHolder): Promise<TOwnedRecordCounts> {
  const ownedBy = (table: typeof people | typeof organizations) =>
    "userId" in owner ? eq(table.ownerId, owner.userId) : eq(table.ownerTeamId, owner.teamId);
  const [persons] = await ctx.db.select({ n: count() }).from(people).where(ownedBy(people));
  const [orgs] = await ctx.db.select({ n: count() }).from(organizations).where(ownedBy(organizations));
  return { people: Number(persons?.n ?? 0), organizations: Number(orgs?.n ?? 0) };
}

/**
 * Gives every person and organisation a user or a team owns to another user or team, inside the
 * caller's transaction (the hand-over flow checks the parties and its caller's right to do it).
 * Given to one of the same kind, only that owner changes: a user's record keeps its owning team,
 * a team's keeps its owner by name. Given to the other kind, the receiver becomes the only owner,
 * so the one handing over (and whoever shared the record with them) no longer names it. Each
 * record's own audit trail says who took it over, and each person's change is an event like any
 * other change of owner.
 */
export async function handOverOwnedRecords(
  ctx: Ctx,
  from: TRecordHolder,
  to: TRecordHolder,
): Promise<TOwnedRecordCounts> {
  const now = ctx.clock.now();
  const change: { ownerId?: string | null; ownerTeamId?: string | null } =
    "userId" in to
      ? { ownerId: to.userId, ...("teamId" in from && { ownerTeamId: null }) }
      : { ownerTeamId: to.teamId, ...("userId" in from && { ownerId: null }) };
  const changed = Object.keys(change).sort();
  const moved: TOwnedRecordCounts = { people: 0, organizations: 0 };
  for (const [entity, table] of [
    ["person", people],
    ["organization", organizations],
  ] as const) {
    const ownedBy = "userId" in from ? eq(table.ownerId, from.userId) : eq(table.ownerTeamId, from.teamId);
    const before = await ctx.db
      .select({ id: table.id, ownerId: table.ownerId, ownerTeamId: table.ownerTeamId })
      .from(table)
      .where(ownedBy)
      .for("update");
    if (before.length === 0) continue;
    await ctx.db
      .update(table)
      .set({ ...change, updatedAt: now })
      .where(ownedBy);
    await recordAudits(
      ctx,
      before.map((row) => ({
        action: `${entity}.hand_over`,
        entity,
        entityId: row.id,
        before: { ownerId: row.ownerId, ownerTeamId: row.ownerTeamId },
        after: { ownerId: row.ownerId, ownerTeamId: row.ownerTeamId, ...change },
      })),
    );
    if (entity === "person") {
      // Rules that listen for a change of owner (a welcome from the new seller) hear of it.
      await emitEvents(
        ctx,
        PERSON_UPDATED,
        before.map((row) => ({ personId: row.id, changed })),
        { background: true },
      );
    }
    moved[entity === "person" ? "people" : "organizations"] = before.length;
  }
  return moved;
}
