import type { Ctx } from "../kernel/ctx";
import { withTransaction } from "../kernel/ctx";
import { authorize } from "../kernel/permissions";
import { parseInput } from "../kernel/validate";
import {
  activityTarget,
  attachDocument,
  CONTACT_KINDS,
  logActivity,
  setTaskStatus,
  type TActivity,
  type TLogActivityInput,
  ZAttachDocumentInput,
  ZLogActivityInput,
  ZSetTaskStatusInput,
} from "../modules/activities";
import { openCase, type TCaseDetail, type TOpenCaseInput, ZOpenCaseInput } from "../modules/cases";
import { recordOrder, type TOrder, type TRecordOrderInput, ZRecordOrderInput } from "../modules/orders";
import { guardRecordReference, guardRecordWrite } from "../modules/register";
import { assertCaseParties } from "./assign-case";
import { refreshLastContact } from "./refresh-last-contact";

interface TTargets {
  personId?: string | null | undefined;
  organizationId?: string | null | undefined;
}

/**
 * Writes to a customer's timeline are changes to that customer: the person or organisation must
 * exist, not be erased, and be one the caller may change (a sales role only its team's).
 */
async function guardTargets(ctx: Ctx, targets: TTargets, guard = guardRecordWrite): Promise<void> {
  if (targets.personId) await guard(ctx, { entity: "person", id: targets.personId }, "personId");
  if (targets.organizationId)
    await guard(ctx, { entity: "organization", id: targets.organizationId }, "organizationId");
}

export async function logActivityOnRecord(ctx: Ctx, input: TLogActivityInput): Promise<TActivity> {
  const data = parseInput(ZLogActivityInput, input);
  return withTransaction(ctx, async (tx) => {
    await guardTargets(tx, data);
    const activity = await logActivity(tx, data);
    if ((CONTACT_KINDS as readonly string[]).includes(activity.kind)) {
      await refreshLastContact(tx, [activity.personId], [activity.organizationId]);
    }
    return activity;
  });
}

export async function attachDocumentToRecord(
  ctx: Ctx,
  input: Parameters<typeof attachDocument>[1],
  content: Buffer,
): Promise<TActivity> {
  const data = parseInput(ZAttachDocumentInput, input);
  return withTransaction(ctx, async (tx) => {
    await guardTargets(tx, data);
    return attachDocument(tx, data, content);
  });
}

/** A task's assignee may always close it; anyone else needs the right to change its customer. */
export async function setTaskStatusOnRecord(
  ctx: Ctx,
  id: string,
  input: Parameters<typeof setTaskStatus>[2],
): Promise<TActivity> {
  const data = parseInput(ZSetTaskStatusInput, input);
  return withTransaction(ctx, async (tx) => {
    const target = await activityTarget(tx, id);
    const assignee = tx.actor.kind !== "system" && target.ownerId !== null && target.ownerId === tx.actor.userId;
    if (!assignee) await guardTargets(tx, target);
    return setTaskStatus(tx, id, data);
  });
}

/**
 * Orders are the sales area's records: who may write them is the orders module's concern; the
 * register only vouches that the customer exists and has not been erased.
 */
export async function recordOrderForRecord(
  ctx: Ctx,
  input: TRecordOrderInput,
): Promise<{ order: TOrder; created: boolean }> {
  const data = parseInput(ZRecordOrderInput, input);
  return withTransaction(ctx, async (tx) => {
    await guardTargets(tx, data, guardRecordReference);
    return recordOrder(tx, data);
  });
}

/**
 * Cases are the support area's records, like orders: the register vouches that the customer
 * exists, is not erased and is not merged away; who may open cases is the cases module's concern.
 */
export async function openCaseForRecord(
  ctx: Ctx,
  input: TOpenCaseInput,
): Promise<{ case: TCaseDetail; created: boolean }> {
  // Who may open cases at all is asked before whether the customer exists.
  authorize(ctx.actor, "support", "write");
  const data = parseInput(ZOpenCaseInput, input);
  return withTransaction(ctx, async (tx) => {
    await guardTargets(tx, data, guardRecordReference);
    await assertCaseParties(tx, data);
    return openCase(tx, data);
  });
}
