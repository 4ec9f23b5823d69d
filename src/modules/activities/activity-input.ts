import { z } from "zod";
import { ZSourceRecord, zInstant } from "../../kernel/validate";
import type { ACTIVITY_KINDS } from "./schema";

/** The kinds staff log by hand or import; a document comes with its file (attachDocument). */
export const LOGGED_ACTIVITY_KINDS = ["call", "meeting", "email", "note", "task"] as const satisfies ReadonlyArray<
  (typeof ACTIVITY_KINDS)[number]
>;

export const ZLogActivityInput = z
  .strictObject({
    personId: z.uuid().optional(),
    organizationId: z.uuid().optional(),
    kind: z.enum(LOGGED_ACTIVITY_KINDS),
    direction: z.enum(["inbound", "outbound"]).optional(),
    subject: z.string().trim().min(1, "A subject is required").max(300),
    body: z.string().max(20_000).optional(),
    occurredAt: zInstant().optional(),
    dueAt: zInstant().optional(),
    ownerId: z.uuid().optional(),
    data: z.record(z.string(), z.unknown()).optional(),
    source: ZSourceRecord.optional(),
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
