import { auditTrailOf, recordAudit, redactAuditSnapshots } from "../kernel/audit";
import { type Ctx, withTransaction } from "../kernel/ctx";
import { AppError } from "../kernel/errors";
import { emitEvent } from "../kernel/events";
import { authorize, grantedScope } from "../kernel/permissions";
import { eraseActivitiesOfPerson, exportActivitiesOfPerson, type TActivity } from "../modules/activities";
import { anonymiseCasesOfPerson, exportCasesOfPerson, type TCaseDetail } from "../modules/cases";
import { anonymiseMessagesOfPerson, exportMessagesOfPerson, type TMessage } from "../modules/messages";
import { anonymiseOrdersOfPerson, exportOrdersOfPerson, type TOrder } from "../modules/orders";
import { eraseCandidatesOfPeople, redactMergesOfPeople } from "../modules/quality";
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

const EXPORT_NEEDS =
  "A data export holds everything on the person; it needs a role that may read all of it (admin, marketing, support or read-only)";
const ERASURE_NEEDS =
  "An erasure removes everything on the person, orders and cases included; it needs a role that may read all of it and change the register (admin, marketing or support)";

function assertMayReadEverything(ctx: Ctx, message = EXPORT_NEEDS): void {
  const partial = PERSONAL_DATA_AREAS.filter((area) => grantedScope(ctx.actor, area, "read") !== "all");
  if (partial.length > 0) throw new AppError("forbidden", message, { extra: { areas: partial } });
}

export const PERSON_ERASED = "person.erased";

/**
 * Erases a person (GDPR art. 17) in one transaction: the register record is emptied, and so is
 * every record merged into it (they are the same person); activities and documents deleted,
 * orders cut loose from the person (their amounts stay for statistics), cases cut loose and
 * emptied of what was written about the person (their categories and times stay for support
 * statistics), their pairs taken out of the duplicates queue, the snapshots of their merges
 * emptied, and the audit snapshots of all of it redacted. The fact of the erasure, and who asked,
 * stays in the audit log.
 *
 * Erasure removes what the privacy export shows, so it asks what the export asks (a role that
 * reads everything on a person) as well as the right to change the record: a seller who cannot
 * read another team's orders may not remove them either.
 */
export async function erasePerson(
  ctx: Ctx,
  personId: string,
  reason: string,
): Promise<{ activities: number; orders: number; cases: number; messages: number; events: number }> {
  assertMayReadEverything(ctx, ERASURE_NEEDS);
  authorize(ctx.actor, "register", "write");
  return withTransaction(ctx, async (tx) => {
    const personIds = await erasePersonRecord(tx, personId);
    const counts = { activities: 0, orders: 0, cases: 0, messages: 0, events: 0 };
    const redact = async (entity: string, ids: readonly string[]) => {
      for (const id of ids) await redactAuditSnapshots(tx, entity, id);
    };
    // What a merge moved sits on the survivor already; the merged records are swept all the same,
    // for anything an unmerge gave back to them and a later merge did not take.
    for (const id of personIds) {
      const activityIds = await eraseActivitiesOfPerson(tx, id);
      const orderIds = await anonymiseOrdersOfPerson(tx, id);
      const caseIds = await anonymiseCasesOfPerson(tx, id);
      const messageIds = await anonymiseMessagesOfPerson(tx, id);
      const { events } = await eraseEventsOfPerson(tx, id);
      await redact("person", [id]);
      await redact("activity", activityIds);
      await redact("order", orderIds);
      await redact("case", caseIds);
      await redact("message", messageIds);
      counts.activities += activityIds.length;
      counts.orders += orderIds.length;
      counts.cases += caseIds.length;
      counts.messages += messageIds.length;
      counts.events += events;
    }
    await redact("match_candidate", await eraseCandidatesOfPeople(tx, personIds));
    await redactMergesOfPeople(tx, personIds);
    await recordAudit(tx, {
      action: "privacy.erase",
      entity: "person",
      entityId: personId,
      after: { reason, ...counts, mergedRecords: personIds.slice(1) },
    });
    await emitEvent(tx, PERSON_ERASED, { personId, mergedRecords: personIds.slice(1) });
    return counts;
  });
}
