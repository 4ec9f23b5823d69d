import type { Ctx } from "../../kernel/ctx";
import { AppError } from "../../kernel/errors";
import type { TSourceInput } from "./inputs";
import type { TLineage } from "./schema";

/** How far ahead of the server's clock a source's own clock may run. */
export const CLOCK_SKEW_MS = 5 * 60_000;

/**
 * The source of a write: as given, or the channel the request came through. A value cannot have
 * arrived later than now (give or take the sender's clock): a future `receivedAt` would win every
 * comparison by time, in survivorship on merge as in consents.
 */
export function sourceOf(ctx: Ctx, source: TSourceInput | undefined, externalId?: string): TLineage {
  const now = ctx.clock.now();
  if (source?.receivedAt && source.receivedAt.getTime() > now.getTime() + CLOCK_SKEW_MS) {
    throw new AppError("validation_failed", "The source's receivedAt is in the future", {
      fields: [
        {
          field: "source.receivedAt",
          code: "in_future",
          message: `When the value was received: not after now (${now.toISOString()})`,
        },
      ],
    });
  }
  const fallback = ctx.actor.kind === "api_key" ? "api" : ctx.actor.kind === "user" ? "web" : ctx.actor.label;
  return {
    system: source?.system ?? fallback,
    externalId: source?.externalId ?? externalId ?? null,
    receivedAt: (source?.receivedAt ?? now).toISOString(),
  };
}

export function lineageColumns(source: TLineage) {
  return {
    sourceSystem: source.system,
    sourceExternalId: source.externalId,
    sourceReceivedAt: new Date(source.receivedAt),
  };
}

export function lineageFromColumns(row: {
  sourceSystem: string;
  sourceExternalId: string | null;
  sourceReceivedAt: Date;
}): TLineage {
  return { system: row.sourceSystem, externalId: row.sourceExternalId, receivedAt: row.sourceReceivedAt.toISOString() };
}

/** Marks each field that this write set with the source it came from. */
export function stampLineage(
  current: Record<string, TLineage>,
  fields: Iterable<string>,
  source: TLineage,
): Record<string, TLineage> {
  const next = { ...current };
  for (const field of fields) next[field] = source;
  return next;
}
