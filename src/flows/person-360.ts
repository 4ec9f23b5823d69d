import { z } from "zod";
import type { Ctx } from "../kernel/ctx";
import { AppError } from "../kernel/errors";
import { authorize } from "../kernel/permissions";
import type { TimelineItem, TimelineRegistry } from "../kernel/timeline";
import { parseInput, zInstant } from "../kernel/validate";
import { getPerson, type TPerson } from "../modules/register";

export const ZTimelineInput = z.object({
  /** Comma-separated, e.g. `call,order`, or an array. */
  kinds: z
    .union([z.string().max(300), z.array(z.string().max(40)).max(30)])
    .optional()
    .transform((value) =>
      value === undefined
        ? undefined
        : (Array.isArray(value) ? value : value.split(",")).map((kind) => kind.trim()).filter(Boolean),
    ),
  from: zInstant().optional(),
  to: zInstant().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
});
export type TTimelineInput = z.input<typeof ZTimelineInput>;

export const ZTimelineItem = z.object({
  id: z.string(),
  kind: z.string(),
  occurredAt: z.date(),
  title: z.string(),
  summary: z.string().nullable(),
  personId: z.string().nullable(),
  organizationId: z.string().nullable(),
  source: z.string(),
  data: z.record(z.string(), z.unknown()),
});

export const ZTimelinePage = z.object({
  items: z.array(ZTimelineItem),
  nextCursor: z.string().nullable(),
  kinds: z.array(z.string()),
});

export interface TTimelinePage {
  items: TimelineItem[];
  nextCursor: string | null;
  kinds: string[];
}

function decodeTimelineCursor(cursor: string | undefined): { at: Date; id: string } | undefined {
  if (!cursor) return undefined;
  const [at, id] = Buffer.from(cursor, "base64url").toString("utf8").split("|");
  const date = at ? new Date(at) : null;
  if (!date || Number.isNaN(date.getTime()) || !id) {
    throw new AppError("validation_failed", "The cursor is not one this API gave out", {
      fields: [{ field: "cursor", code: "invalid_cursor", message: "Use nextCursor from the previous page" }],
    });
  }
  return { at: date, id };
}

/** One page of a person's timeline, merged from every registered source, newest first. */
export async function personTimeline(
  ctx: Ctx,
  registry: TimelineRegistry,
  personId: string,
  input: TTimelineInput,
): Promise<TTimelinePage> {
  return timelinePage(ctx, registry, { personIds: [personId] }, input);
}

/** One page of the entries of these people and organisations, merged from every source, newest first. */
export async function timelinePage(
  ctx: Ctx,
  registry: TimelineRegistry,
  owners: { personIds: readonly string[]; organizationIds?: readonly string[] },
  input: TTimelineInput,
): Promise<TTimelinePage> {
  authorize(ctx.actor, "register", "read");
  const query = parseInput(ZTimelineInput, input);
  const unknown = query.kinds?.filter((kind) => !registry.kinds.includes(kind)) ?? [];
  if (unknown.length > 0) {
    throw new AppError("validation_failed", "Unknown timeline kind", {
      fields: unknown.map((kind) => ({ field: "kinds", code: "unknown_kind", message: `No timeline kind ${kind}` })),
    });
  }
  const page = await registry.page(ctx, {
    ...owners,
    ...(query.kinds ? { kinds: query.kinds } : {}),
    ...(query.from ? { from: query.from } : {}),
    ...(query.to ? { to: query.to } : {}),
    ...(query.cursor ? { before: decodeTimelineCursor(query.cursor) } : {}),
    limit: query.limit,
  });
  const last = page.items.at(-1);
  return {
    items: page.items,
    nextCursor:
      page.hasMore && last ? Buffer.from(`${last.occurredAt.toISOString()}|${last.id}`).toString("base64url") : null,
    kinds: registry.kinds,
  };
}

/** The 360° view: the person with organisations and contact points, and the first timeline page. */
export async function person360(
  ctx: Ctx,
  registry: TimelineRegistry,
  personId: string,
  input: TTimelineInput,
): Promise<{ person: TPerson; timeline: TTimelinePage }> {
  const [person, timeline] = await Promise.all([
    getPerson(ctx, personId),
    personTimeline(ctx, registry, personId, input),
  ]);
  return { person, timeline };
}
