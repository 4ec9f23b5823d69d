import type { Ctx } from "../../kernel/ctx";
import type { TSourceInput } from "./inputs";
import type { TLineage } from "./schema";

/** The source of a write: as given, or the channel the request came through. */
export function sourceOf(ctx: Ctx, source: TSourceInput | undefined, externalId?: string): TLineage {
  const fallback = ctx.actor.kind === "api_key" ? "api" : ctx.actor.kind === "user" ? "web" : ctx.actor.label;
  return {
    system: source?.system ?? fallback,
    externalId: source?.externalId ?? externalId ?? null,
    receivedAt: (source?.receivedAt ?? ctx.clock.now()).toISOString(),
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
