import type { Ctx } from "../../kernel/ctx";
import { notFound } from "../../kernel/errors";
import { authorize } from "../../kernel/permissions";
import { loadOrganizationDetail } from "./organization-detail";
import type { TOrganizationDetail } from "./views";

export async function getOrganization(ctx: Ctx, id: string): Promise<TOrganizationDetail> {
  authorize(ctx.actor, "register", "read");
  const organization = await loadOrganizationDetail(ctx.db, id);
  if (!organization) throw notFound("organization", id);
  return organization;
}
