import type { Ctx } from "../kernel/ctx";
import { assigneeKey, findAssignees } from "../modules/access";
import type { TImportAssignee, TImportAssignees, TPersonImportRow } from "../modules/register";

/**
 * Whom the owner and team cells of a batch name ("Säljare: Anna Berg", "Team: Syd"), looked up
 * in one query for the batch. Keyed by the cell as written (trimmed), as the register reads it.
 */
export async function importAssignees(
  ctx: Ctx,
  rows: ReadonlyArray<{ values: TPersonImportRow }>,
): Promise<TImportAssignees> {
  const cells = (field: string) => [
    ...new Set(rows.flatMap(({ values }) => (values[field]?.trim() ? [values[field].trim()] : []))),
  ];
  const owners = cells("owner");
  const teams = cells("ownerTeam");
  if (owners.length === 0 && teams.length === 0) return { users: new Map(), teams: new Map() };
  const found = await findAssignees(ctx, { users: owners, teams });
  const byCell = (list: string[], lookup: ReadonlyMap<string, TImportAssignee>) =>
    new Map(
      list.flatMap((cell) => {
        const assignee = lookup.get(assigneeKey(cell));
        return assignee ? [[cell, assignee] as const] : [];
      }),
    );
  return { users: byCell(owners, found.users), teams: byCell(teams, found.teams) };
}
