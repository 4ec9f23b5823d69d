import { z } from "zod";
import type { Ctx } from "../kernel/ctx";
import { withTransaction } from "../kernel/ctx";
import type { AppError } from "../kernel/errors";
import { authorize } from "../kernel/permissions";
import { parseInput } from "../kernel/validate";
import {
  activityTarget,
  attachDocument,
  CONTACT_KINDS,
  logActivities,
  logActivity,
  setTaskStatus,
  type TActivity,
  type TLogActivityInput,
  type TLoggedActivity,
  ZAttachDocumentInput,
  ZLogActivityInput,
  ZSetTaskStatusInput,
} from "../modules/activities";
import { openCase, type TCaseDetail, type TOpenCaseInput, ZOpenCaseInput } from "../modules/cases";
import {
  recordOrder,
  recordOrders,
  type TOrder,
  type TRecordedOrder,
  type TRecordOrderInput,
  ZRecordOrderInput,
} from "../modules/orders";
import {
  guardRecordReference,
  guardRecords,
  guardRecordWrite,
  type TGuardLock,
  type TOwnerRef,
} from "../modules/register";
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
async function guardTargets(
  ctx: Ctx,
  targets: TTargets,
  guard: (ctx: Ctx, record: TOwnerRef, field: string, lock?: TGuardLock) => Promise<void> = guardRecordWrite,
  lock: TGuardLock = "share",
): Promise<void> {
  if (targets.personId) await guard(ctx, { entity: "person", id: targets.personId }, "personId", lock);
  if (targets.organizationId)
    await guard(ctx, { entity: "organization", id: targets.organizationId }, "organizationId", lock);
}

/**
 * `guardTargets` for many inputs at once, with one query per kind of record: each input whose
 * customer may not be written to gets its error; the others are share-locked for the transaction.
 * An id that is no id is left for the verb's validation to name.
 */
async function guardEachTarget(
  tx: Ctx,
  inputs: readonly TTargets[],
  change: boolean,
  lock: TGuardLock = "share",
): Promise<Array<AppError | undefined>> {
  const isId = (id: string | null | undefined): id is string => typeof id === "string" && ZId.safeParse(id).success;
  const refused = await guardRecords(
    tx,
    inputs.flatMap((input) => [
      ...(isId(input.personId) ? [{ entity: "person" as const, id: input.personId, field: "personId" }] : []),
      ...(isId(input.organizationId)
        ? [{ entity: "organization" as const, id: input.organizationId, field: "organizationId" }]
        : []),
    ]),
    change,
    lock,
  );
  return inputs.map(
    (input) => refused.get(`person:${input.personId}`) ?? refused.get(`organization:${input.organizationId}`),
  );
}

const ZId = z.uuid();

/**
 * Runs a bulk verb on the inputs whose customers passed the guard, and answers every input in
 * its place: the guard's refusal, or the verb's result.
 */
async function onGuarded<I, R>(
  refusals: Array<AppError | undefined>,
  inputs: readonly I[],
  write: (passed: I[]) => Promise<R[]>,
): Promise<Array<R | { error: AppError }>> {
  const passed = inputs.filter((_, index) => refusals[index] === undefined);
  const written = await write(passed);
  let next = 0;
  return refusals.map((error) => (error ? { error } : (written[next++] as R)));
}

export async function logActivityOnRecord(ctx: Ctx, input: TLogActivityInput): Promise<TActivity> {
  const data = parseInput(ZLogActivityInput, input);
  return withTransaction(ctx, async (tx) => {
    // Locked for update: a call moves the customer's last contact (see TGuardLock).
    await guardTargets(tx, data, guardRecordWrite, "update");
    const activity = await logActivity(tx, data);
    if ((CONTACT_KINDS as readonly string[]).includes(activity.kind)) {
      await refreshLastContact(tx, [activity.personId], [activity.organizationId]);
    }
    return activity;
  });
}

/**
 * Many activities at once, as `logActivityOnRecord` logs one (an import's batch): the customers
 * are checked with one query, the activities logged by `logActivities`, and the last contact of
 * everyone called, met or e-mailed read again once.
 */
export async function logActivitiesOnRecords(
  ctx: Ctx,
  inputs: readonly TLogActivityInput[],
  options: { background?: boolean } = {},
): Promise<TLoggedActivity[]> {
  return withTransaction(ctx, async (tx) => {
    const refusals = await guardEachTarget(tx, inputs, true, "update");
    const results = await onGuarded(refusals, inputs, (passed) => logActivities(tx, passed, options));
    const contacts = results.flatMap((result) =>
      "activity" in result && (CONTACT_KINDS as readonly string[]).includes(result.activity.kind)
        ? [result.activity]
        : [],
    );
    if (contacts.length > 0) {
      await refreshLastContact(
        tx,
        contacts.map((activity) => activity.personId),
        contacts.map((activity) => activity.organizationId),
      );
    }
    return results;
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

/** Many orders at once, as `recordOrderForRecord` records one (an import's batch). */
export async function recordOrdersForRecords(
  ctx: Ctx,
  inputs: readonly TRecordOrderInput[],
  options: { background?: boolean } = {},
): Promise<TRecordedOrder[]> {
  return withTransaction(ctx, async (tx) => {
    const refusals = await guardEachTarget(tx, inputs, false);
    return onGuarded(refusals, inputs, (passed) => recordOrders(tx, passed, options));
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
