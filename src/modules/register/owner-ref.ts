import { eq } from "drizzle-orm";
import type { Ctx } from "../../kernel/ctx";
import { notFound } from "../../kernel/errors";
import { assertMayWrite } from "./access";
import { refreshPersonSearch } from "./refresh-search";
import { organizations, people } from "./schema";

/** The record a contact point belongs to. */
export interface TOwnerRef {
  entity: "person" | "organization";
  id: string;
}

export const ownerColumns = (owner: TOwnerRef) =>
  owner.entity === "person" ? { personId: owner.id } : { organizationId: owner.id };

/** Locks the owning record for the write, checking it exists and that the caller may change it. */
export async function lockOwner(ctx: Ctx, owner: TOwnerRef): Promise<void> {
  const table = owner.entity === "person" ? people : organizations;
  const [row] = await ctx.db
    .select({ id: table.id, ownerId: table.ownerId, ownerTeamId: table.ownerTeamId })
    .from(table)
    .where(eq(table.id, owner.id))
    .for("update");
  if (!row) throw notFound(owner.entity, owner.id);
  if (owner.entity === "person") {
    const [person] = await ctx.db.select({ erasedAt: people.erasedAt }).from(people).where(eq(people.id, owner.id));
    if (person?.erasedAt) throw notFound(owner.entity, owner.id);
  }
  assertMayWrite(ctx, owner.entity, row);
}

export async function touchOwner(ctx: Ctx, owner: TOwnerRef): Promise<void> {
  const table = owner.entity === "person" ? people : organizations;
  await ctx.db.update(table).set({ updatedAt: ctx.clock.now() }).where(eq(table.id, owner.id));
  if (owner.entity === "person") await refreshPersonSearch(ctx.db, owner.id);
}
