import type { Ctx } from "../../kernel/ctx";
import { notFound } from "../../kernel/errors";
import { authorize } from "../../kernel/permissions";
import { loadPersonDetail } from "./person-detail";
import type { TPerson } from "./views";

export async function getPerson(ctx: Ctx, id: string): Promise<TPerson> {
  authorize(ctx.actor, "register", "read");
  const person = await loadPersonDetail(ctx.db, id);
  if (!person) throw notFound("person", id);
  return person;
}
