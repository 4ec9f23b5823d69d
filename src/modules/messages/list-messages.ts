import { and, desc, eq, or, type SQL, sql } from "drizzle-orm";
import { z } from "zod";
import type { Ctx } from "../../kernel/ctx";
import { AppError } from "../../kernel/errors";
import { authorize } from "../../kernel/permissions";
import { parseInput } from "../../kernel/validate";
import { messages } from "./schema";
import { type TMessage, toMessageView } from "./view";

export const ZListMessagesInput = z.object({
  personId: z.uuid(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
});

function decodeCursor(cursor: string): { at: Date; id: string } {
  const [at, id] = Buffer.from(cursor, "base64url").toString("utf8").split("|");
  const date = at ? new Date(at) : null;
  if (!date || Number.isNaN(date.getTime()) || !id || !z.uuid().safeParse(id).success) {
    throw new AppError("validation_failed", "The cursor is not one this API gave out", {
      fields: [{ field: "cursor", code: "invalid_cursor", message: "Use nextCursor from the previous page" }],
    });
  }
  return { at: date, id };
}

/** A person's messages, newest first, a page at a time. */
export async function listMessages(
  ctx: Ctx,
  input: z.input<typeof ZListMessagesInput>,
): Promise<{ items: TMessage[]; nextCursor: string | null }> {
  authorize(ctx.actor, "marketing", "read");
  const query = parseInput(ZListMessagesInput, input);
  const conditions: SQL[] = [eq(messages.personId, query.personId)];
  if (query.cursor) {
    const before = decodeCursor(query.cursor);
    const at = sql`${before.at.toISOString()}::timestamptz`;
    const older = or(
      sql`${messages.queuedAt} < ${at}`,
      and(sql`${messages.queuedAt} = ${at}`, sql`${messages.id} < ${before.id}`),
    );
    if (older) conditions.push(older);
  }
  const rows = await ctx.db
    .select()
    .from(messages)
    .where(and(...conditions))
    .orderBy(desc(messages.queuedAt), desc(messages.id))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: page.map(toMessageView),
    nextCursor:
      rows.length > query.limit && last
        ? Buffer.from(`${last.queuedAt.toISOString()}|${last.id}`).toString("base64url")
        : null,
  };
}
