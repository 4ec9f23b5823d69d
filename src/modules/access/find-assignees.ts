import { type AnyColumn, inArray, or, sql } from "drizzle-orm";
import type { Ctx } from "../../kernel/ctx";
import { authorize } from "../../kernel/permissions";
import { teams, users } from "./schema";

/** Who a name in a file is: a user or team to give work to, or why they cannot be. */
export type TAssignee = { id: string } | { code: string; message: string };

export interface TAssignees {
  /** By the key `assigneeKey` makes of the cell: a user's e-mail or name. */
  users: ReadonlyMap<string, TAssignee>;
  /** By the key of a team's name. */
  teams: ReadonlyMap<string, TAssignee>;
}

/** How a file's cell is looked up: spreadsheets vary case and spacing, names do not. */
export const assigneeKey = (cell: string) => cell.trim().replace(/\s+/g, " ").toLowerCase();

/** `assigneeKey` in SQL. */
const spacedLower = (column: AnyColumn) => sql`lower(regexp_replace(btrim(${column}), '\\s+', ' ', 'g'))`;

/**
 * The users and teams a file names as the ones responsible for its customers ("Säljare: Anna
 * Berg", "Team: Syd"): a user by e-mail or by name, a team by name. A name two active users share
 * answers which e-mail to write instead, and a deactivated user is no one to give customers to.
 * Names only come back as ids: what the file says is not a way to read the user list.
 */
export async function findAssignees(
  ctx: Ctx,
  wanted: { users: readonly string[]; teams: readonly string[] },
): Promise<TAssignees> {
  authorize(ctx.actor, "register", "write");
  const userKeys = [...new Set(wanted.users.map(assigneeKey))].filter((key) => key !== "");
  const teamKeys = [...new Set(wanted.teams.map(assigneeKey))].filter((key) => key !== "");
  const userRows = userKeys.length
    ? await ctx.db
        .select({ id: users.id, email: users.email, name: users.name, active: users.active })
        .from(users)
        .where(or(inArray(sql`lower(${users.email})`, userKeys), inArray(spacedLower(users.name), userKeys)))
    : [];
  const teamRows = teamKeys.length
    ? await ctx.db
        .select({ id: teams.id, name: teams.name })
        .from(teams)
        .where(inArray(spacedLower(teams.name), teamKeys))
    : [];
  const foundUsers = new Map<string, TAssignee>();
  for (const key of userKeys) {
    const byEmail = userRows.find((row) => row.email.toLowerCase() === key);
    const byName = userRows.filter((row) => assigneeKey(row.name) === key);
    const activeByName = byName.filter((row) => row.active);
    const user = byEmail ?? (activeByName.length === 1 ? activeByName[0] : byName.length === 1 ? byName[0] : undefined);
    if (user && !user.active) {
      foundUsers.set(key, { code: "inactive_user", message: "This user is deactivated and can be given no customers" });
    } else if (user) {
      foundUsers.set(key, { id: user.id });
    } else if (activeByName.length > 1) {
      foundUsers.set(key, {
        code: "ambiguous_user",
        message: "Several users have this name; write the e-mail of the one meant",
      });
    } else {
      foundUsers.set(key, { code: "unknown_user", message: "No user has this e-mail or name" });
    }
  }
  const foundTeams = new Map<string, TAssignee>();
  for (const key of teamKeys) {
    const matching = teamRows.filter((row) => assigneeKey(row.name) === key);
    foundTeams.set(
      key,
      matching.length === 1 && matching[0]
        ? { id: matching[0].id }
        : matching.length > 1
          ? { code: "ambiguous_team", message: "Several teams have this name apart from upper and lower case" }
          : { code: "unknown_team", message: "No team has this name" },
    );
  }
  return { users: foundUsers, teams: foundTeams };
}
