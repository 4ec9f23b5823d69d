import { sql } from "drizzle-orm";
import { copyRows } from "../../db/bulk";
import { actingUserId } from "../../kernel/actor";
import { recordAudits } from "../../kernel/audit";
import { type Ctx, newId, withTransaction } from "../../kernel/ctx";
import type { AppError } from "../../kernel/errors";
import { emitEvents } from "../../kernel/events";
import { authorize } from "../../kernel/permissions";
import { parseEach } from "../../kernel/validate";
import { ACTIVITY_LOGGED, type TLogActivityInput, ZLogActivityInput } from "./activity-input";
import { activities } from "./schema";
import { type TActivity, toActivityView } from "./view";

/** What an activity logged before says: for an import to tell a repeated row from a changed one. */
export interface TAlreadyLogged {
  id: string;
  sourceSystem: string;
  externalId: string;
  kind: string;
  subject: string;
  body: string | null;
  occurredAt: Date;
  dueAt: Date | null;
}

export type TLoggedActivity =
  | { activity: TActivity }
  /** Its source logged it before under the same external id: activities are facts, not changed. */
  | { alreadyLogged: TAlreadyLogged }
  /** The input was refused; the others are logged all the same. */
  | { error: AppError };

type TActivityRow = typeof activities.$inferSelect;

/**
 * Logs many activities in one transaction, as `logActivity` logs one: those logged before are
 * found with one query, the new ones written with one statement, their audit entries and events
 * likewise, so a call log of a hundred thousand rows is an import of minutes. Each input gets its
 * own result. An external id given twice is logged once; the second is answered as logged before.
 * `background` marks the events as bulk work (an import), which live events pass.
 */
export async function logActivities(
  ctx: Ctx,
  inputs: readonly TLogActivityInput[],
  options: { background?: boolean } = {},
): Promise<TLoggedActivity[]> {
  authorize(ctx.actor, "register", "write");
  const results: TLoggedActivity[] = new Array(inputs.length);
  const { valid, refused } = parseEach(ZLogActivityInput, inputs);
  for (const { index, error } of refused) results[index] = { error };
  const sourceOf = (data: (typeof valid)[number]["data"]) =>
    data.source?.system ?? (ctx.actor.kind === "api_key" ? "api" : "web");
  return withTransaction(ctx, async (tx) => {
    const keys = valid.flatMap(({ data }) =>
      data.source?.externalId ? [{ s: sourceOf(data), e: data.source.externalId }] : [],
    );
    const logged = new Map<string, TAlreadyLogged>();
    if (keys.length > 0) {
      const rows = await tx.db
        .select({
          id: activities.id,
          sourceSystem: activities.sourceSystem,
          externalId: activities.externalId,
          kind: activities.kind,
          subject: activities.subject,
          body: activities.body,
          occurredAt: activities.occurredAt,
          dueAt: activities.dueAt,
        })
        .from(activities)
        .where(
          sql`(${activities.sourceSystem}, ${activities.externalId}) in (select s, e from jsonb_to_recordset(${JSON.stringify(keys)}::jsonb) as k(s text, e text))`,
        );
      for (const row of rows) {
        logged.set(JSON.stringify([row.sourceSystem, row.externalId]), { ...row, externalId: row.externalId ?? "" });
      }
    }
    const now = tx.clock.now();
    const created: TActivityRow[] = [];
    for (const { index, data } of valid) {
      const sourceSystem = sourceOf(data);
      const externalId = data.source?.externalId ?? null;
      const key = externalId === null ? null : JSON.stringify([sourceSystem, externalId]);
      const before = key === null ? undefined : logged.get(key);
      if (before) {
        results[index] = { alreadyLogged: before };
        continue;
      }
      const row: TActivityRow = {
        id: newId(tx),
        personId: data.personId ?? null,
        organizationId: data.organizationId ?? null,
        kind: data.kind,
        direction: data.direction ?? null,
        subject: data.subject,
        body: data.body ?? null,
        occurredAt: data.occurredAt ?? now,
        dueAt: data.dueAt ?? null,
        status: data.kind === "task" ? "open" : null,
        completedAt: null,
        ownerId: data.ownerId ?? actingUserId(tx.actor),
        createdBy: actingUserId(tx.actor),
        data: data.data ?? {},
        sourceSystem,
        externalId,
        createdAt: now,
        updatedAt: now,
      };
      created.push(row);
      if (key !== null && externalId !== null) logged.set(key, { ...row, externalId });
      results[index] = { activity: toActivityView(row, []) };
    }
    await insertActivities(tx, created);
    await recordAudits(
      tx,
      created.map((row) => ({
        action: "activity.log",
        entity: "activity",
        entityId: row.id,
        after: toActivityView(row, []),
      })),
    );
    await emitEvents(
      tx,
      ACTIVITY_LOGGED,
      created.map((row) => ({
        activityId: row.id,
        kind: row.kind,
        personId: row.personId,
        organizationId: row.organizationId,
        ownerId: row.ownerId,
      })),
      { background: options.background ?? false },
    );
    return results;
  });
}

/** New activities with one statement (see copyRows). */
async function insertActivities(ctx: Ctx, rows: TActivityRow[]): Promise<void> {
  await copyRows(
    ctx.db,
    "activities",
    {
      id: "uuid",
      person_id: "uuid",
      organization_id: "uuid",
      kind: "text",
      direction: "text",
      subject: "text",
      body: "text",
      occurred_at: "timestamptz",
      due_at: "timestamptz",
      status: "text",
      completed_at: "timestamptz",
      owner_id: "uuid",
      created_by: "uuid",
      data: "jsonb",
      source_system: "text",
      external_id: "text",
      created_at: "timestamptz",
      updated_at: "timestamptz",
    },
    rows.map((row) => ({
      id: row.id,
      person_id: row.personId,
      organization_id: row.organizationId,
      kind: row.kind,
      direction: row.direction,
      subject: row.subject,
      body: row.body,
      occurred_at: row.occurredAt,
      due_at: row.dueAt,
      status: row.status,
      completed_at: row.completedAt,
      owner_id: row.ownerId,
      created_by: row.createdBy,
      data: row.data,
      source_system: row.sourceSystem,
      external_id: row.externalId,
      created_at: row.createdAt,
      updated_at: row.updatedAt,
    })),
  );
}
