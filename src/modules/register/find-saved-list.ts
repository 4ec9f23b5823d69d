import type { Ctx } from "../../kernel/ctx";
import { AppError } from "../../kernel/errors";
import { listSavedLists } from "./list-saved-lists";
import type { TSavedList } from "./saved-list-view";
import type { SAVED_LIST_ENTITIES } from "./schema";

/**
 * A saved list the caller may open, by its name whatever the case: their own first, then one a
 * colleague shares. The command line, acting as the system, sees the shared ones.
 */
export async function findSavedList(
  ctx: Ctx,
  entity: (typeof SAVED_LIST_ENTITIES)[number],
  name: string,
): Promise<TSavedList> {
  const { items } = await listSavedLists(ctx, { entity });
  const named = items.filter((list) => list.name.toLowerCase() === name.trim().toLowerCase());
  const [only] = named.filter((list) => list.mine).length > 0 ? named.filter((list) => list.mine) : named;
  if (!only) {
    const known = items.map((list) => list.name).join(", ") || "none";
    throw new AppError("not_found", `No saved list is named ${name} (saved lists you can open: ${known})`, {
      fields: [{ field: "list", code: "unknown_list", message: `No saved list is named ${name}` }],
    });
  }
  if (named.length > 1 && !only.mine) {
    throw new AppError("conflict", `${named.length} colleagues share a list named ${name}`, {
      fields: [{ field: "list", code: "ambiguous", message: `${named.length} shared lists are named ${name}` }],
    });
  }
  return only;
}
