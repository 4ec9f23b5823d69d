import type { z } from "zod";
import type { Ctx } from "../kernel/ctx";
import { getSource } from "../modules/sources";
import { sourceDebugger, type ZSourceDebugger } from "../modules/tracking";

/**
 * What a source sent lately, accepted and refused; 404 for an id that names no source. A revoked
 * source is still shown, with what it sent before it was revoked.
 */
export async function debugSource(ctx: Ctx, sourceId: string): Promise<z.infer<typeof ZSourceDebugger>> {
  await getSource(ctx, sourceId);
  return sourceDebugger(ctx, sourceId);
}
