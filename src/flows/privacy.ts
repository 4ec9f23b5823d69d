import { auditTrailOf, recordAudit, redactAuditSnapshots } from "../kernel/audit";
import { type Ctx, withTransaction } from "../kernel/ctx";
import { AppError } from "../kernel/errors";
import { emitEvent } from "../kernel/events";
import { authorize, grantedScope } from "../kernel/permissions";
import { eraseActivitiesOfPerson, exportActivitiesOfPerson, type TActivity } from "../modules/activities";
import { anonymiseCasesOfPerson, exportCasesOfPerson, type TCaseDetail } from "../modules/cases";
import { anonymiseMessagesOfPerson, exportMessagesOfPerson, type TMessage } from "../modules/messages";
import { anonymiseOrdersOfPerson, exportOrdersOfPerson, type TOrder } from "../modules/orders";
import { erasePersonRecord, getPerson, type TPerson } from "../modules/register";
import { eraseEventsOfPerson, exportEventsOfPerson, type TTrackedEvent } from "../modules/tracking";

export interface TPersonDataExport {
  exportedAt: Date;
  person: TPerson;
  activities: TActivity[];
  orders: TOrder[];
  /** Support cases, each with its history. */
  cases: TCaseDetail[];
  /** E-mails (later also SMS and letters) sent to the person, or kept from them. */
  messages: TMessage[];
  /** Page views and app events collected by the tracking API. */
  events: TTrackedEvent[];
  /** What was done to the person's record, and when; who did it only for those who may read the audit log. */
  changes: Array<{ at: Date; action: string; by?: string }>;
}

/**
 * Gathers everything held on a person (GDPR art. 15) from every module that holds personal data.
 * The request itself is audited.
 */
export async function exportPersonData(ctx: Ctx, personId: string): Promise<TPersonDataExport> {
  assertMayReadEverything(ctx);
  const person = await getPerson(ctx, personId);
  const [activities, orders, cases, messages, events, audit] = await Promise.all([
    exportActivitiesOfPerson(ctx, personId),
    exportOrdersOfPerson(ctx, personId),
    exportCasesOfPerson(ctx, personId),
    exportMessagesOfPerson(ctx, personId),
    exportEventsOfPerson(ctx, personId),
    auditTrailOf(ctx, "person", personId),
  ]);
  await withTransaction(ctx, (tx) =>
    recordAudit(tx, {
      action: "privacy.export",
      entity: "person",
      entityId: personId,
      after: { exportedBy: ctx.actor.label },
    }),
  );
  return {
    exportedAt: ctx.clock.now(),
    person,
    activities,
    orders,
    cases,
    messages,
    events,
    changes: grantedScope(ctx.actor, "audit", "read") ? audit : audit.map(({ at, action }) => ({ at, action })),
  };
}

/** The areas that hold personal data: an export must not be cut short by what a role may not see. */
const PERSONAL_DATA_AREAS = ["register", "sales", "support", "marketing", "events"] as const;

function assertMayReadEverything(ctx: Ctx): void {
  const partial = PERSONAL_DATA_AREAS.filter((area) => grantedScope(ctx.actor, area, "read") !== "all");
  if (partial.length > 0) {
    throw new AppError(
      "forbidden",
      "A data export holds everything on the person; it needs a role that may read all of it (admin, marketing, support or read-only)",
      { extra: { areas: partial } },
    );
  }
}

export const PERSON_ERASED = "person.erased";

/**
 * Erases a person (GDPR art. 17) in one transaction: the register record is emptied, activities
 * and documents deleted, orders cut loose from the person (their amounts stay for statistics),
 * cases cut loose and emptied of what was written about the person (their categories and times
 * stay for support statistics), and the audit snapshots redacted. The fact of the erasure, and
 * who asked, stays in the audit log.
 */
export async function erasePerson(
  ctx: Ctx,
  personId: string,
  reason: string,
): Promise<{ activities: number; orders: number; cases: number; messages: number; events: number }> {
  authorize(ctx.actor, "register", "write");
  return withTransaction(ctx, async (tx) => {
    await erasePersonRecord(tx, personId);
    const activityIds = await eraseActivitiesOfPerson(tx, personId);
    const orderIds = await anonymiseOrdersOfPerson(tx, personId);
    const caseIds = await anonymiseCasesOfPerson(tx, personId);
    const messageIds = await anonymiseMessagesOfPerson(tx, personId);
    const { events } = await eraseEventsOfPerson(tx, personId);
    await redactAuditSnapshots(tx, "person", personId);
    for (const id of activityIds) await redactAuditSnapshots(tx, "activity", id);
    for (const id of orderIds) await redactAuditSnapshots(tx, "order", id);
    for (const id of caseIds) await redactAuditSnapshots(tx, "case", id);
    for (const id of messageIds) await redactAuditSnapshots(tx, "message", id);
    const counts = {
      activities: activityIds.length,
      orders: orderIds.length,
      cases: caseIds.length,
      messages: messageIds.length,
      events,
    };
    await recordAudit(tx, {
      action: "privacy.erase",
      entity: "person",
      entityId: personId,
      after: { reason, ...counts },
    });
    await emitEvent(tx, PERSON_ERASED, { personId });
    return counts;
  });
}
