import { asc, eq } from "drizzle-orm";
import type { Db } from "../../db/types";
import type { Ctx } from "../../kernel/ctx";
import { authorize } from "../../kernel/permissions";
import { type TCustomAttribute, type TCustomEntity, toCustomAttribute } from "./custom-attribute-definition";
import { customAttributes } from "./schema";

/**
 * Every definition of the entity, retired ones included: writes name a retired attribute's fault
 * rather than call it unknown, and its kept values stay readable to rules and filters.
 */
export async function loadCustomAttributes(db: Db, entity: TCustomEntity): Promise<TCustomAttribute[]> {
  const rows = await db
    .select()
    .from(customAttributes)
    .where(eq(customAttributes.entity, entity))
    .orderBy(asc(customAttributes.key));
  return rows.map(toCustomAttribute);
}

/** The attributes forms and lists show; `includeRetired` adds the retired ones (admin page, data export). */
export async function listCustomAttributes(
  ctx: Ctx,
  entity: TCustomEntity,
  { includeRetired = false }: { includeRetired?: boolean } = {},
): Promise<TCustomAttribute[]> {
  authorize(ctx.actor, "register", "read");
  const all = await loadCustomAttributes(ctx.db, entity);
  return includeRetired ? all : all.filter((attribute) => !attribute.retired);
}
