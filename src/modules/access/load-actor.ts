import { eq } from "drizzle-orm";
import type { Db } from "../../db/types";
import { teamMembers } from "./schema";

export async function teamIdsOf(db: Db, userId: string): Promise<string[]> {
  const rows = await db.select({ teamId: teamMembers.teamId }).from(teamMembers).where(eq(teamMembers.userId, userId));
  return rows.map((row) => row.teamId);
}
