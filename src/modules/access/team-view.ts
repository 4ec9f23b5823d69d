import { inArray } from "drizzle-orm";
import type { Db } from "../../db/types";
import { AppError } from "../../kernel/errors";
import { teams } from "./schema";

export async function assertTeamsExist(db: Db, teamIds: readonly string[], field: string): Promise<void> {
  const unique = [...new Set(teamIds)];
  if (unique.length === 0) return;
  const found = await db.select({ id: teams.id }).from(teams).where(inArray(teams.id, unique));
  const known = new Set(found.map((row) => row.id));
  const missing = unique.filter((id) => !known.has(id));
  if (missing.length > 0) {
    throw new AppError("validation_failed", "Unknown team", {
      fields: missing.map((id) => ({ field, code: "unknown_team", message: `No team has id ${id}` })),
    });
  }
}
