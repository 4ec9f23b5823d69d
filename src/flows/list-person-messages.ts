import type { z } from "zod";
import type { Ctx } from "../kernel/ctx";
import { authorize } from "../kernel/permissions";
import { listMessages, type TMessage, type ZListMessagesInput } from "../modules/messages";
import { assertPersonExists } from "../modules/register";

/**
 * A person's messages, newest first, a page at a time; 404 for an id that names no one. A person
 * merged away or erased has a list, empty once their messages moved to the survivor or were erased.
 */
export async function listPersonMessages(
  ctx: Ctx,
  input: z.input<typeof ZListMessagesInput>,
): Promise<{ items: TMessage[]; nextCursor: string | null }> {
  authorize(ctx.actor, "marketing", "read");
  await assertPersonExists(ctx, input.personId);
  return listMessages(ctx, input);
}
