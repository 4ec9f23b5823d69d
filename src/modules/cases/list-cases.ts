import { and, desc, eq, inArray, or, type SQL, sql } from "drizzle-orm";
import { z } from "zod";
import type { Ctx } from "../../kernel/ctx";
import { AppError } from "../../kernel/errors";
import { authorize } from "../../kernel/permissions";
import { parseInput } from "../../kernel/validate";
import { ZCategory } from "./category";
import { CASE_STATUSES, cases } from "./schema";
import { type TCase, toCaseView } from "./view";

const ZStatuses = z
  .union([z.string().max(100), z.array(z.enum(CASE_STATUSES)).max(CASE_STATUSES.length)])
  .transform((value) => (Array.isArray(value) ? value : value.split(",").map((status) => status.trim())))
  .pipe(z.array(z.enum(CASE_STATUSES)).min(1));

export const ZListCasesInput = z.object({
  personId: z.uuid().optional(),
  organizationId: z.uuid().optional(),
  /** One status or several, comma-separated: `new,open,waiting` lists the cases still open. */
  status: ZStatuses.optional(),
  category: ZCategory.optional(),
  line: z.coerce.number().int().min(1).max(2).optional(),
  assigneeId: z.uuid().optional(),
  teamId: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  cursor: z.string().max(200).optional(),
});
export type TListCasesInput = z.input<typeof ZListCasesInput>;

function decodeCursor(cursor: string | undefined): { at: Date; id: string } | null {
  if (!cursor) return null;
  const [at, id] = Buffer.from(cursor, "base64url").toString("utf8").split("|");
  const date = at ? new Date(at) : null;
  if (!date || Number.isNaN(date.getTime()) || !id || !z.uuid().safeParse(id).success) {
    throw new AppError("validation_failed", "The cursor is not one this API gave out", {
      fields: [{ field: "cursor", code: "invalid_cursor", message: "Use nextCursor from the previous page" }],
    });
  }
  return { at: date, id };
}

const encodeCursor = (row: TCase) => Buffer.from(`${row.openedAt.toISOString()}|${row.id}`).toString("base64url");

/** Cases, newest first, filtered; a keyset cursor pages through them. */
export async function listCases(
  ctx: Ctx,
  input: TListCasesInput,
): Promise<{ items: TCase[]; nextCursor: string | null }> {
  authorize(ctx.actor, "support", "read");
  const query = parseInput(ZListCasesInput, input);
  const conditions: SQL[] = [];
  if (query.personId) conditions.push(eq(cases.personId, query.personId));
  if (query.organizationId) conditions.push(eq(cases.organizationId, query.organizationId));
  if (query.status) conditions.push(inArray(cases.status, query.status));
  if (query.category) conditions.push(eq(cases.category, query.category));
  if (query.line) conditions.push(eq(cases.line, query.line));
  if (query.assigneeId) conditions.push(eq(cases.assigneeId, query.assigneeId));
  if (query.teamId) conditions.push(eq(cases.teamId, query.teamId));
  const after = decodeCursor(query.cursor);
  if (after) {
    const at = sql`${after.at.toISOString()}::timestamptz`;
    const older = or(
      sql`${cases.openedAt} < ${at}`,
      and(sql`${cases.openedAt} = ${at}`, sql`${cases.id} < ${after.id}`),
    );
    if (older) conditions.push(older);
  }
  const rows = await ctx.db
    .select()
    .from(cases)
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(desc(cases.openedAt), desc(cases.id))
    .limit(query.limit + 1);
  const items = rows.slice(0, query.limit).map(toCaseView);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > query.limit && last ? encodeCursor(last) : null };
}
