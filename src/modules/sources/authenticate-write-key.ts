import { and, eq, isNull } from "drizzle-orm";
import type { Ctx } from "../../kernel/ctx";
import { AppError } from "../../kernel/errors";
import { hashWriteKey, type TSource } from "./create-write-key";
import { sources } from "./schema";

export async function authenticateWriteKey(ctx: Pick<Ctx, "db">, writeKey: string): Promise<TSource> {
  const [row] = await ctx.db
    .select()
    .from(sources)
    .where(and(eq(sources.writeKeyHash, hashWriteKey(writeKey)), isNull(sources.revokedAt)));
  if (!row) throw new AppError("unauthenticated", "Unknown or revoked write key");
  const { writeKeyHash: _hidden, createdBy: _by, ...source } = row;
  return source;
}
