import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { recordAudit } from "../../kernel/audit";
import { type Ctx, newId, withTransaction } from "../../kernel/ctx";
import { emitEvent } from "../../kernel/events";
import { authorize } from "../../kernel/permissions";
import { parseInput, ZSourceRecord, zInstant } from "../../kernel/validate";
import { withHistory } from "./case-detail";
import { appendCaseEvent } from "./case-history";
import { ZCategory } from "./category";
import { CASE_CHANNELS, CASE_PRIORITIES, cases } from "./schema";
import type { TCaseDetail } from "./view";

export const ZOpenCaseInput = z
  .strictObject({
    personId: z.uuid().optional(),
    organizationId: z.uuid().optional(),
    subject: z.string().trim().min(1, "A subject is required").max(300),
    description: z.string().max(20_000).optional(),
    /** A call taken before anyone knows what it is about is `general` until someone says. */
    category: ZCategory.default("general"),
    channel: z.enum(CASE_CHANNELS).default("other"),
    priority: z.enum(CASE_PRIORITIES).default("normal"),
    /** 1 = first line, 2 = second line. */
    line: z.number().int().min(1).max(2).default(1),
    teamId: z.uuid().optional(),
    assigneeId: z.uuid().optional(),
    /** When the customer got in touch; now unless an import brings older cases. */
    openedAt: zInstant().optional(),
    data: z.record(z.string(), z.unknown()).optional(),
    source: ZSourceRecord.optional(),
  })
  .refine((input) => input.personId || input.organizationId, {
    path: ["personId"],
    message: "A case belongs to a person or an organisation",
  });
export type TOpenCaseInput = z.input<typeof ZOpenCaseInput>;

export const CASE_OPENED = "case.opened";

/**
 * Opens a support case, new and unescalated. A source that sends the same external id again gets
 * the case it already opened back, unchanged: a helpdesk re-sending its tickets opens none twice.
 */
export async function openCase(ctx: Ctx, input: TOpenCaseInput): Promise<{ case: TCaseDetail; created: boolean }> {
  authorize(ctx.actor, "support", "write");
  const data = parseInput(ZOpenCaseInput, input);
  return withTransaction(ctx, async (tx) => {
    const sourceSystem = data.source?.system ?? (tx.actor.kind === "api_key" ? "api" : "web");
    const externalId = data.source?.externalId ?? null;
    const existing = async () => {
      if (!externalId) return undefined;
      const [found] = await tx.db
        .select()
        .from(cases)
        .where(and(eq(cases.sourceSystem, sourceSystem), eq(cases.externalId, externalId)));
      return found;
    };
    const known = await existing();
    if (known) return { case: await withHistory(tx, known), created: false };
    const now = tx.clock.now();
    const [row] = await tx.db
      .insert(cases)
      .values({
        id: newId(tx),
        personId: data.personId ?? null,
        organizationId: data.organizationId ?? null,
        subject: data.subject,
        description: data.description ?? null,
        category: data.category,
        channel: data.channel,
        priority: data.priority,
        status: "new",
        line: data.line,
        teamId: data.teamId ?? null,
        assigneeId: data.assigneeId ?? null,
        openedAt: data.openedAt ?? now,
        sourceSystem,
        externalId,
        createdAt: now,
        updatedAt: now,
        data: data.data ?? {},
      })
      // Two deliveries of the same ticket at once: the second finds the first's case.
      .onConflictDoNothing()
      .returning();
    if (!row) {
      const raced = await existing();
      if (raced) return { case: await withHistory(tx, raced), created: false };
      throw new Error("case insert returned nothing");
    }
    await appendCaseEvent(tx, row.id, "opened", {
      channel: row.channel,
      priority: row.priority,
      line: row.line,
      teamId: row.teamId,
      assigneeId: row.assigneeId,
    });
    await recordAudit(tx, { action: "case.open", entity: "case", entityId: row.id, after: row });
    await emitEvent(tx, CASE_OPENED, {
      caseId: row.id,
      personId: row.personId,
      organizationId: row.organizationId,
      category: row.category,
      priority: row.priority,
      line: row.line,
      created: true,
    });
    return { case: await withHistory(tx, row), created: true };
  });
}
