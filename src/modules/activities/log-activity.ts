import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { actingUserId } from "../../kernel/actor";
import { recordAudit } from "../../kernel/audit";
import { type Ctx, newId, withTransaction } from "../../kernel/ctx";
import { AppError } from "../../kernel/errors";
import { emitEvent } from "../../kernel/events";
import { authorize } from "../../kernel/permissions";
import { parseInput, zInstant } from "../../kernel/validate";
import { ACTIVITY_KINDS, activities } from "./schema";
import { type TActivity, toActivityView } from "./view";

export const ZLogActivityInput = z
  .strictObject({
    personId: z.uuid().optional(),
    organizationId: z.uuid().optional(),
    kind: z.enum(ACTIVITY_KINDS.filter((kind) => kind !== "document") as ["call", "meeting", "email", "note", "task"]),
    direction: z.enum(["inbound", "outbound"]).optional(),
    subject: z.string().trim().min(1, "A subject is required").max(300),
    body: z.string().max(20_000).optional(),
    occurredAt: zInstant().optional(),
    dueAt: zInstant().optional(),
    ownerId: z.uuid().optional(),
    data: z.record(z.string(), z.unknown()).optional(),
    source: z
      .strictObject({
        system: z.string().regex(/^[a-z0-9][a-z0-9_.:-]{0,59}$/),
        externalId: z.string().min(1).max(200).optional(),
      })
      .optional(),
  })
  .refine((input) => input.personId || input.organizationId, {
    path: ["personId"],
    message: "An activity belongs to a person or an organisation",
  })
  .refine((input) => input.kind === "task" || input.dueAt === undefined, {
    path: ["dueAt"],
    message: "Only tasks have a due date",
  });
export type TLogActivityInput = z.input<typeof ZLogActivityInput>;

export const ACTIVITY_LOGGED = "activity.logged";

/** Logs a call, meeting, e-mail, note or task; a task starts open and is owned by its assignee. */
export async function logActivity(ctx: Ctx, input: TLogActivityInput): Promise<TActivity> {
  authorize(ctx.actor, "register", "write");
  const data = parseInput(ZLogActivityInput, input);
  return withTransaction(ctx, async (tx) => {
    const sourceSystem = data.source?.system ?? (tx.actor.kind === "api_key" ? "api" : "web");
    if (data.source?.externalId) {
      const [existing] = await tx.db
        .select({ id: activities.id })
        .from(activities)
        .where(and(eq(activities.sourceSystem, sourceSystem), eq(activities.externalId, data.source.externalId)));
      if (existing) {
        throw new AppError("conflict", `${sourceSystem} activity ${data.source.externalId} is already logged`, {
          extra: { existingId: existing.id },
        });
      }
    }
    const now = tx.clock.now();
    const row = {
      id: newId(tx),
      personId: data.personId ?? null,
      organizationId: data.organizationId ?? null,
      kind: data.kind,
      direction: data.direction ?? null,
      subject: data.subject,
      body: data.body ?? null,
      occurredAt: data.occurredAt ?? now,
      dueAt: data.dueAt ?? null,
      status: data.kind === "task" ? ("open" as const) : null,
      completedAt: null,
      ownerId: data.ownerId ?? actingUserId(tx.actor),
      createdBy: actingUserId(tx.actor),
      data: data.data ?? {},
      sourceSystem,
      externalId: data.source?.externalId ?? null,
      createdAt: now,
      updatedAt: now,
    };
    await tx.db.insert(activities).values(row);
    const activity = toActivityView(row, []);
    await recordAudit(tx, { action: `activity.log`, entity: "activity", entityId: row.id, after: activity });
    await emitEvent(tx, ACTIVITY_LOGGED, {
      activityId: row.id,
      kind: row.kind,
      personId: row.personId,
      organizationId: row.organizationId,
      ownerId: row.ownerId,
    });
    return activity;
  });
}
