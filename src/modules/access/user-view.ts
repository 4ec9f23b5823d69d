import { eq, inArray } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../../db/types";
import { ROLES } from "../../kernel/actor";
import { LOCALES } from "../../kernel/locale";
import { teamMembers, users } from "./schema";

export const ZUser = z.object({
  id: z.uuid(),
  email: z.email(),
  name: z.string(),
  role: z.enum(ROLES),
  locale: z.enum(LOCALES),
  active: z.boolean(),
  teamIds: z.array(z.uuid()),
  createdAt: z.date(),
  updatedAt: z.date(),
});
export type TUser = z.infer<typeof ZUser>;

type UserRow = typeof users.$inferSelect;

export async function toUserViews(db: Db, rows: UserRow[]): Promise<TUser[]> {
  if (rows.length === 0) return [];
  const memberships = await db
    .select()
    .from(teamMembers)
    .where(
      inArray(
        teamMembers.userId,
        rows.map((row) => row.id),
      ),
    );
  return rows.map(({ passwordHash: _hidden, ...row }) => ({
    ...row,
    teamIds: memberships.filter((m) => m.userId === row.id).map((m) => m.teamId),
  }));
}

export async function findUserView(db: Db, id: string): Promise<TUser | null> {
  const rows = await db.select().from(users).where(eq(users.id, id));
  const [view] = await toUserViews(db, rows);
  return view ?? null;
}

export const ZEmail = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email({ message: "Not a valid e-mail address" }));

export const ZPassword = z
  .string()
  .min(10, "A password needs at least 10 characters")
  .max(200, "A password may have at most 200 characters");
