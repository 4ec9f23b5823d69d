import { eq } from "drizzle-orm";
import type { Ctx } from "../../kernel/ctx";
import { notFound } from "../../kernel/errors";
import { authorize } from "../../kernel/permissions";
import { documents } from "./schema";

export async function getDocument(
  ctx: Ctx,
  id: string,
): Promise<{ filename: string; contentType: string; content: Buffer; sha256: string }> {
  authorize(ctx.actor, "register", "read");
  const [row] = await ctx.db
    .select({
      filename: documents.filename,
      contentType: documents.contentType,
      content: documents.content,
      sha256: documents.sha256,
    })
    .from(documents)
    .where(eq(documents.id, id));
  if (!row) throw notFound("document", id);
  return { ...row, content: Buffer.from(row.content) };
}
