import type { Ctx } from "../../kernel/ctx";
import { AppError } from "../../kernel/errors";
import { listDirectory } from "../../modules/access";

/** The users who may be given work: the directory lists only active ones. */
export async function activeUserIds(ctx: Ctx): Promise<Set<string>> {
  return new Set((await listDirectory(ctx)).users.map((user) => user.id));
}

/**
 * A rule that names a user who has since been deactivated fails visibly in its firing log, rather
 * than giving customers or tasks to someone who can no longer act on them.
 */
export async function assertActiveUser(ctx: Ctx, userId: string): Promise<void> {
  if (!(await activeUserIds(ctx)).has(userId)) {
    throw new AppError("conflict", "The user this rule names is deactivated; choose another in the rule", {
      extra: { entity: "user", id: userId },
    });
  }
}
