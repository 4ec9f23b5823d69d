import { eq, sql } from "drizzle-orm";
import { copyRows } from "../../db/bulk";
import { type AuditEntry, recordAudits } from "../../kernel/audit";
import { type Ctx, newId, withTransaction } from "../../kernel/ctx";
import { AppError } from "../../kernel/errors";
import { emitEvents } from "../../kernel/events";
import { authorize } from "../../kernel/permissions";
import { parseEach } from "../../kernel/validate";
import { assertMayWriteOrder, newOrderOwner } from "./order-access";
import { linesTotal, ORDER_RECORDED, type TRecordOrderInput, ZRecordOrderInput } from "./order-input";
import { orders } from "./schema";
import { type TOrder, toOrderView } from "./view";

export type TRecordedOrder =
  | { order: TOrder; outcome: "created" | "updated" | "unchanged" }
  /** The input was refused; the others are recorded all the same. */
  | { error: AppError };

type TOrderRow = typeof orders.$inferSelect;

interface TPending {
  index: number;
  values: Omit<TOrderRow, "id" | "currency" | "ownerId" | "ownerTeamId" | "createdAt" | "orderedAt"> & {
    orderedAt: Date | null;
  };
}

/**
 * Records many orders in one transaction, as `recordOrder` records one: an order the same source
 * sent before under the same external id is updated, or left as it is when nothing differs. The
 * orders known already are found with one query, the new ones written with one statement, and
 * their audit entries and events likewise, so an order history of a hundred thousand rows is an
 * import of minutes rather than of an hour. Each input gets its own result: a refused one is
 * reported and the others land. An external id given twice is recorded in input order, the later
 * values winning. `background` marks the events as bulk work (an import), which live events pass.
 */
export async function recordOrders(
  ctx: Ctx,
  inputs: readonly TRecordOrderInput[],
  options: { background?: boolean } = {},
): Promise<TRecordedOrder[]> {
  authorize(ctx.actor, "sales", "write");
  const results: TRecordedOrder[] = new Array(inputs.length);
  const rounds: TPending[][] = [];
  const seen = new Map<string, number>();
  const { valid, refused } = parseEach(ZRecordOrderInput, inputs);
  for (const { index, error } of refused) results[index] = { error };
  for (const { index, data } of valid) {
    const sourceSystem = data.source?.system ?? (ctx.actor.kind === "api_key" ? "api" : "web");
    const externalId = data.source?.externalId ?? null;
    const pending: TPending = {
      index,
      values: {
        personId: data.personId ?? null,
        organizationId: data.organizationId ?? null,
        number: data.number ?? null,
        status: data.status,
        totalSek: data.totalSek ?? linesTotal(data.lines),
        orderedAt: data.orderedAt ?? null,
        lines: data.lines.map((line) => ({ ...line, sku: line.sku ?? null })),
        sourceSystem,
        externalId,
        updatedAt: ctx.clock.now(),
      },
    };
    // The n-th time an external id comes is recorded in round n, after the one before it.
    const key = externalId === null ? null : JSON.stringify([sourceSystem, externalId]);
    const round = key === null ? 0 : (seen.get(key) ?? 0);
    if (key !== null) seen.set(key, round + 1);
    if (rounds[round]) rounds[round].push(pending);
    else rounds[round] = [pending];
  }
  return withTransaction(ctx, async (tx) => {
    for (const round of rounds) await recordRound(tx, round, results, options.background ?? false);
    return results;
  });
}

/** One round: no two of its orders share an external id. */
async function recordRound(ctx: Ctx, round: TPending[], results: TRecordedOrder[], background: boolean) {
  const keyed = round.filter((pending) => pending.values.externalId !== null);
  const known = new Map<string, TOrderRow>();
  if (keyed.length > 0) {
    const keys = keyed.map(({ values }) => ({ s: values.sourceSystem, e: values.externalId }));
    const rows = await ctx.db
      .select()
      .from(orders)
      .where(
        sql`(${orders.sourceSystem}, ${orders.externalId}) in (select s, e from jsonb_to_recordset(${JSON.stringify(keys)}::jsonb) as k(s text, e text))`,
      )
      .orderBy(orders.id)
      .for("update");
    for (const row of rows) known.set(JSON.stringify([row.sourceSystem, row.externalId]), row);
  }
  const now = ctx.clock.now();
  const created: TOrderRow[] = [];
  const audits: AuditEntry[] = [];
  const events: Array<Record<string, unknown>> = [];
  const recorded = (row: TOrderRow, isNew: boolean) =>
    events.push({
      orderId: row.id,
      personId: row.personId,
      status: row.status,
      totalSek: row.totalSek,
      created: isNew,
    });
  for (const { index, values } of round) {
    const existing =
      values.externalId === null ? undefined : known.get(JSON.stringify([values.sourceSystem, values.externalId]));
    if (!existing) {
      const row: TOrderRow = {
        id: newId(ctx),
        ...values,
        orderedAt: values.orderedAt ?? now,
        currency: "SEK",
        ...newOrderOwner(ctx.actor),
        createdAt: now,
      };
      created.push(row);
      audits.push({ action: "order.create", entity: "order", entityId: row.id, after: row });
      recorded(row, true);
      results[index] = { order: toOrderView(row), outcome: "created" };
      continue;
    }
    try {
      assertMayWriteOrder(ctx, existing);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      results[index] = { error };
      continue;
    }
    // An order sent again without its date keeps the date it was recorded with.
    const after: TOrderRow = { ...existing, ...values, orderedAt: values.orderedAt ?? existing.orderedAt };
    if (sameOrder(existing, after)) {
      results[index] = { order: toOrderView(existing), outcome: "unchanged" };
      continue;
    }
    const { id, createdAt, currency, ownerId, ownerTeamId, ...changes } = after;
    await ctx.db.update(orders).set(changes).where(eq(orders.id, id));
    audits.push({ action: "order.update", entity: "order", entityId: id, before: existing, after });
    recorded(after, false);
    results[index] = { order: toOrderView(after), outcome: "updated" };
  }
  await insertOrders(ctx, created);
  await recordAudits(ctx, audits);
  await emitEvents(ctx, ORDER_RECORDED, events, { background });
}

/** Whether recording the order again would change nothing a user or a rule can see. */
function sameOrder(before: TOrderRow, after: TOrderRow): boolean {
  return (
    before.personId === after.personId &&
    before.organizationId === after.organizationId &&
    before.number === after.number &&
    before.status === after.status &&
    Number(before.totalSek) === Number(after.totalSek) &&
    before.orderedAt.getTime() === after.orderedAt.getTime() &&
    JSON.stringify(before.lines) === JSON.stringify(after.lines)
  );
}

/** New orders with one statement (see copyRows). */
async function insertOrders(ctx: Ctx, rows: TOrderRow[]): Promise<void> {
  await copyRows(
    ctx.db,
    "orders",
    {
      id: "uuid",
      person_id: "uuid",
      organization_id: "uuid",
      number: "text",
      status: "text",
      total_sek: "numeric",
      currency: "text",
      ordered_at: "timestamptz",
      lines: "jsonb",
      source_system: "text",
      external_id: "text",
      owner_id: "uuid",
      owner_team_id: "uuid",
      created_at: "timestamptz",
      updated_at: "timestamptz",
    },
    rows.map((row) => ({
      id: row.id,
      person_id: row.personId,
      organization_id: row.organizationId,
      number: row.number,
      status: row.status,
      total_sek: row.totalSek,
      currency: row.currency,
      ordered_at: row.orderedAt,
      lines: row.lines,
      source_system: row.sourceSystem,
      external_id: row.externalId,
      owner_id: row.ownerId,
      owner_team_id: row.ownerTeamId,
      created_at: row.createdAt,
      updated_at: row.updatedAt,
    })),
  );
}
