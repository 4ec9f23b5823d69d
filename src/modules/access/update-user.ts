import { and, eq, ne } from "drizzle-orm";
import { z } from "zod";
import { ROLES } from "../../kernel/actor";
import { recordAudit } from "../../kernel/audit";
import { type Ctx, withTransaction } from "../../kernel/ctx";
import { AppError, notFound } from "../../kernel/errors";
import { LOCALES } from "../../kernel/locale";
import { authorize, grantedScope } from "../../kernel/permissions";
import { hitRateLimit, refundRateLimit } from "../../kernel/rate-limit";
import { parseInput } from "../../kernel/validate";
import { lockActiveAdmins } from "./admin-lock";
import { sessions, teamMembers, users } from "./schema";
import { hashPassword, hashToken, verifyPassword } from "./secrets";
import { assertTeamsExist } from "./team-view";
import { findUserView, type TUser, ZPassword } from "./user-view";

export const ZUpdateUserInput = z
  .strictObject({
    name: z.string().trim().min(1).max(200).optional(),
    locale: z.enum(LOCALES).optional(),
    role: z.enum(ROLES).optional(),
    active: z.boolean().optional(),
    teamIds: z.array(z.uuid()).max(50).optional(),
    password: ZPassword.optional(),
    /** Required when users change their own password. */
    currentPassword: z.string().max(200).optional(),
  })
  .strict();
export type TUpdateUserInput = z.input<typeof ZUpdateUserInput>;

const ADMIN_ONLY = ["role", "active", "teamIds"] as const;

const CURRENT_PASSWORD_TRIES = { limit: 10, windowMs: 15 * 60_000 };

export interface UpdateUserOptions {
  /** The session the change is made from, kept when the user changes their own password. */
  keepSessionToken?: string | undefined;
}

/**
 * Admins change anything; a user may change their own name, language and password. Anyone, an
 * administrator too, changes their own password only with the current one: a session or API key
 * left open must not be enough to take the account over and lock its owner out.
 */
export async function updateUser(
  ctx: Ctx,
  id: string,
  input: TUpdateUserInput,
  options: UpdateUserOptions = {},
): Promise<TUser> {
  const data = parseInput(ZUpdateUserInput, input);
  const isAdmin = grantedScope(ctx.actor, "access", "write") !== null;
  const isSelf = ctx.actor.kind !== "system" && ctx.actor.userId === id;
  if (!isAdmin) {
    if (!isSelf) authorize(ctx.actor, "access", "write");
    const denied = ADMIN_ONLY.filter((field) => data[field] !== undefined);
    if (denied.length > 0) {
      throw new AppError("forbidden", "Only an administrator may change roles, teams or activation", {
        fields: denied.map((field) => ({
          field,
          code: "admin_only",
          message: "Only an administrator may change this",
        })),
      });
    }
  }
  if (data.password && isSelf) await checkCurrentPassword(ctx, id, data.currentPassword);
  const passwordHash = data.password ? await hashPassword(data.password) : undefined;
  return withTransaction(ctx, async (tx) => {
    if (data.active === false || data.role !== undefined) await lockActiveAdmins(tx);
    const [row] = await tx.db.select().from(users).where(eq(users.id, id)).for("update");
    if (!row) throw notFound("user", id);
    if (data.active === false && isSelf) {
      throw new AppError("conflict", "You cannot deactivate your own account", {
        fields: [{ field: "active", code: "own_account", message: "Ask another administrator to deactivate you" }],
      });
    }
    await assertAdminRemains(tx, row, data);
    const before = await findUserView(tx.db, id);
    await tx.db
      .update(users)
      .set({
        ...(data.name !== undefined ? { name: data.name } : {}),
        ...(data.locale !== undefined ? { locale: data.locale } : {}),
        ...(data.role !== undefined ? { role: data.role } : {}),
        ...(data.active !== undefined ? { active: data.active } : {}),
        ...(passwordHash ? { passwordHash } : {}),
        updatedAt: tx.clock.now(),
      })
      .where(eq(users.id, id));
    if (data.teamIds) {
      await assertTeamsExist(tx.db, data.teamIds, "teamIds");
      await tx.db.delete(teamMembers).where(eq(teamMembers.userId, id));
      if (data.teamIds.length > 0) {
        await tx.db.insert(teamMembers).values([...new Set(data.teamIds)].map((teamId) => ({ teamId, userId: id })));
      }
    }
    // A deactivated user or a changed password ends every open session of that user, except the
    // one users change their own password from.
    if (data.active === false || passwordHash) {
      const kept = passwordHash && isSelf && options.keepSessionToken ? hashToken(options.keepSessionToken) : null;
      await tx.db.delete(sessions).where(and(eq(sessions.userId, id), kept ? ne(sessions.tokenHash, kept) : undefined));
    }
    const after = await findUserView(tx.db, id);
    if (!after) throw notFound("user", id);
    await recordAudit(tx, {
      action: passwordHash ? "user.update_with_password" : "user.update",
      entity: "user",
      entityId: id,
      before,
      after,
    });
    return after;
  });
}

/**
 * An installation without an active administrator can no longer be managed from the app (setup
 * runs only while there are no users at all), so the last one may be neither deactivated nor
 * given another role. The caller holds the active admins' rows locked (`lockActiveAdmins`).
 */
async function assertAdminRemains(
  tx: Ctx,
  row: typeof users.$inferSelect,
  data: { active?: boolean | undefined; role?: string | undefined },
): Promise<void> {
  const leavesAdmins =
    row.role === "admin" && row.active && (data.active === false || (data.role ?? "admin") !== "admin");
  if (!leavesAdmins) return;
  const others = await tx.db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.role, "admin"), eq(users.active, true), ne(users.id, row.id)));
  if (others.length > 0) return;
  const field = data.active === false ? "active" : "role";
  throw new AppError("conflict", "The last active administrator must stay an active administrator", {
    fields: [{ field, code: "last_admin", message: "Make another user an administrator first" }],
  });
}

/**
 * The current password, checked before a user's own password is changed. Wrong tries count
 * against a limit per account, as sign-ins do, so that a session left open is no way to guess it.
 */
async function checkCurrentPassword(ctx: Ctx, id: string, currentPassword: string | undefined): Promise<void> {
  const key = `current-password:${id}`;
  const now = ctx.clock.now();
  await hitRateLimit(ctx.db, now, { key, ...CURRENT_PASSWORD_TRIES });
  const [row] = await ctx.db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, id));
  if (!row) throw notFound("user", id);
  if (!currentPassword || !(await verifyPassword(row.passwordHash, currentPassword))) {
    throw new AppError("validation_failed", "The current password is wrong", {
      fields: [{ field: "currentPassword", code: "wrong_password", message: "The current password is wrong" }],
    });
  }
  await refundRateLimit(ctx.db, now, { key, windowMs: CURRENT_PASSWORD_TRIES.windowMs });
}
