import { createHash } from "node:crypto";
import { z } from "zod";
import { actingUserId } from "../../kernel/actor";
import { recordAudit } from "../../kernel/audit";
import { type Ctx, newId, withTransaction } from "../../kernel/ctx";
import { AppError } from "../../kernel/errors";
import { emitEvent } from "../../kernel/events";
import { authorize } from "../../kernel/permissions";
import { parseInput } from "../../kernel/validate";
import { ACTIVITY_LOGGED } from "./activity-input";
import { activities, documents } from "./schema";
import { type TActivity, toActivityView } from "./view";

export const MAX_DOCUMENT_BYTES = 20 * 1024 * 1024;

/** 413 naming the file field, so a form can say it where the file was chosen. */
export function documentTooLarge(): AppError {
  const message = "Documents may be at most 20 MB";
  return new AppError("payload_too_large", message, {
    fields: [{ field: "file", code: "too_large", message }],
    extra: { maxBytes: MAX_DOCUMENT_BYTES },
  });
}

export const ZAttachDocumentInput = z
  .strictObject({
    personId: z.uuid().optional(),
    organizationId: z.uuid().optional(),
    /** What the document is: a quote, a guide, a contract… */
    subject: z.string().trim().min(1).max(300),
    filename: z
      .string()
      .trim()
      .min(1)
      .max(255)
      .refine((name) => !/[/\\\0]/.test(name), "A file name without slashes"),
    contentType: z.string().max(200).default("application/octet-stream"),
  })
  .refine((input) => input.personId || input.organizationId, {
    path: ["personId"],
    message: "A document belongs to a person or an organisation",
  });

/** Stores an uploaded file as a document entry in the customer's timeline. */
export async function attachDocument(
  ctx: Ctx,
  input: z.input<typeof ZAttachDocumentInput>,
  content: Buffer,
): Promise<TActivity> {
  authorize(ctx.actor, "register", "write");
  const data = parseInput(ZAttachDocumentInput, input);
  if (content.length === 0)
    throw new AppError("validation_failed", "The file is empty", {
      fields: [{ field: "file", code: "empty", message: "The file is empty" }],
    });
  if (content.length > MAX_DOCUMENT_BYTES) throw documentTooLarge();
  return withTransaction(ctx, async (tx) => {
    const now = tx.clock.now();
    const activity = {
      id: newId(tx),
      personId: data.personId ?? null,
      organizationId: data.organizationId ?? null,
      kind: "document" as const,
      direction: null,
      subject: data.subject,
      body: null,
      occurredAt: now,
      dueAt: null,
      status: null,
      completedAt: null,
      ownerId: actingUserId(tx.actor),
      createdBy: actingUserId(tx.actor),
      data: {},
      sourceSystem: tx.actor.kind === "api_key" ? "api" : "web",
      externalId: null,
      createdAt: now,
      updatedAt: now,
    };
    const document = {
      id: newId(tx),
      filename: data.filename,
      contentType: data.contentType,
      sizeBytes: content.length,
      sha256: createHash("sha256").update(content).digest("hex"),
      createdAt: now,
    };
    await tx.db.insert(activities).values(activity);
    await tx.db.insert(documents).values({ ...document, activityId: activity.id, content });
    const view = toActivityView(activity, [document]);
    await recordAudit(tx, { action: "document.attach", entity: "activity", entityId: activity.id, after: view });
    await emitEvent(tx, ACTIVITY_LOGGED, {
      activityId: activity.id,
      kind: "document",
      personId: activity.personId,
      organizationId: activity.organizationId,
      ownerId: activity.ownerId,
    });
    return view;
  });
}
