import type { Ctx } from "../../kernel/ctx";
import { newId } from "../../kernel/ctx";
import { trackingRejections } from "./schema";

const EXCERPT_CHARS = 2_000;

export interface TRejectionInput {
  sourceId: string | null;
  code: string;
  detail: string;
  field: string | null;
  excerpt: string | null;
  ip: string | null;
}

/**
 * Keeps a rejected request for the source's debugger. Written outside any transaction: the
 * request stored nothing else, and losing a debugger line is better than failing the answer.
 */
export async function recordRejection(ctx: Ctx, input: TRejectionInput): Promise<void> {
  try {
    await ctx.db.insert(trackingRejections).values({
      id: newId(ctx),
      receivedAt: ctx.clock.now(),
      ...input,
      excerpt: input.excerpt ? input.excerpt.slice(0, EXCERPT_CHARS) : null,
    });
  } catch (error) {
    ctx.log.warn({ err: error }, "could not record a tracking rejection");
  }
}
