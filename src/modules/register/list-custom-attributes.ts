import { asc, eq } from "drizzle-orm";
import type { Db } from "../../db/types";
import type { Ctx } from "../../kernel/ctx";
import { authorize } from "../../kernel/permissions";
import type { TCustomAttribute } from "./define-custom-attribute";
import { customAttributes } from "./schema";

export async function loadCustomAttributes(db: Db, entity: "person" | "organization"): Promise<TCustomAttribute[]> {
  return db
    .select()
    .from(customAttributes)
    .where(eq(customAttributes.entity, entity))
    .orderBy(asc(customAttributes.key));
}

export async function listCustomAttributes(ctx: Ctx, entity: "person" | "organization"): Promise<TCustomAttribute[]> {
  authorize(ctx.actor, "register", "read");
  return loadCustomAttributes(ctx.db, entity);
}
