import { eq } from "drizzle-orm";
import { z } from "zod";
import { ROLES } from "../../kernel/actor";
import { recordAudit } from "../../kernel/audit";
import { type Ctx, newId, withTransaction } from "../../kernel/ctx";
import { AppError } from "../../kernel/errors";
import { emitEvent } from "../../kernel/events";
import { DEFAULT_LOCALE, LOCALES } from "../../kernel/locale";
import { authorize } from "../../kernel/permissions";
import { parseInput } from "../../kernel/validate";
import { teamMembers, users } from "./schema";
import { hashPassword } from "./secrets";
import { assertTeamsExist } from "./team-view";
import { findUserView, type TUser, ZEmail, ZPassword } from "./user-view";

export const ZCreateUserInput = z.strictObject({
  email: ZEmail,
  name: z.string().trim().min(1).max(200),
  password: ZPassword,
  role: z.enum(ROLES),
  locale: z.enum(LOCALES).default(DEFAULT_LOCALE),
  teamIds: z.array(z.uuid()).max(50).default([]),
});
export type TCreateUserInput = z.input<typeof ZCreateUserInput>;

export const USER_CREATED = "user.created";

export async function createUser(ctx: Ctx, input: TCreateUserInput): Promise<TUser> {
  authorize(ctx.actor, "access", "write");
  const data = parseInput(ZCreateUserInput, input);
  const passwordHash = await hashPassword(data.password);
  return withTransaction(ctx, async (tx) => {
    const taken = await tx.db.select({ id: users.id }).from(users).where(eq(users.email, data.email));
    if (taken.length > 0) {
      throw new AppError("already_exists", `A user with e-mail ${data.email} already exists`, {
        fields: [{ field: "email", code: "taken", message: "This e-mail is already in use" }],
      });
    }
    const id = newId(tx);
    const now = tx.clock.now();
    await tx.db.insert(users).values({
      id,
      email: data.email,
      name: data.name,
      passwordHash,
      role: data.role,
      locale: data.locale,
      createdAt: now,
      updatedAt: now,
    });
    if (data.teamIds.length > 0) {
      await assertTeamsExist(tx.db, data.teamIds, "teamIds");
      await tx.db.insert(teamMembers).values(data.teamIds.map((teamId) => ({ teamId, userId: id })));
    }
    const user = await findUserView(tx.db, id);
    if (!user) throw new Error("user vanished inside its own transaction");
    await recordAudit(tx, { action: "user.create", entity: "user", entityId: id, after: user });
    await emitEvent(tx, USER_CREATED, { userId: id, role: user.role });
    return user;
  });
}
