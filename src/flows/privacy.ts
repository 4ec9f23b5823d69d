import { auditTrailOf, recordAudit, redactAuditSnapshots } from "../kernel/audit";
import { type Ctx, withTransaction } from "../kernel/ctx";
import { AppError } from "../kernel/errors";
import { emitEvent } from "../kernel/events";
import { authorize, grantedScope } from "../kernel/permissions";
import { eraseActivitiesOfPerson, exportActivitiesOfPerson, type TActivity } from "../modules/activities";
import { anonymiseCasesOfPerson, exportCasesOfPerson, type TCaseDetail, type TCaseEvent } from "../modules/cases";
import { anonymiseMessagesOfPerson, exportMessagesOfPerson, type TMessage } from "../modules/messages";
import { anonymiseOrdersOfPerson, exportOrdersOfPerson, type TOrder } from "../modules/orders";
import { eraseCandidatesOfPeople, redactMergesOfPeople } from "../modules/quality";
import {
  consentHistoryOfPerson,
  erasePersonRecord,
  getPerson,
  listCustomAttributes,
  organizationsOfPeople,
  type TConsentView,
  type TPerson,
} from "../modules/register";
import {
  eraseRuleDataOfPeople,
  exportFiringsOfPerson,
  exportMembershipsOfPerson,
  type TFiringExport,
  type TMembershipExport,
} from "../modules/rules";
import { listSources } from "../modules/sources";
import {
  computedTraitValues,
  eraseEventsOfPerson,
  exportEventsOfPerson,
  exportIdentitiesOfPerson,
  type TTrackedEvent,
  type TTrackingIdentity,
  type TTraitValue,
} from "../modules/tracking";
import { refreshLastContact } from "./refresh-last-contact";

/** Long histories are cut to their newest entries; the export says how many there are in all. */
export const EXPORT_LIMITS = { events: 10_000, ruleFirings: 1_000 } as const;

/** A case event as the export shows it: who acted only for those who may read the audit log. */
type TExportedCaseEvent = Omit<TCaseEvent, "actorLabel" | "actorUserId"> &
  Partial<Pick<TCaseEvent, "actorLabel" | "actorUserId">>;

export interface TPersonDataExport {
  exportedAt: Date;
  person: TPerson;
  /** The person's custom attributes with the labels the register gives them. */
  customFields: Array<{ key: string; label: string; type: string; value: unknown }>;
  /** Every consent decision, newest first; `person.consents` holds only the current one per purpose and channel. */
  consentHistory: TConsentView[];
  activities: TActivity[];
  orders: TOrder[];
  /** Support cases, each with its history. */
  cases: Array<Omit<TCaseDetail, "events"> & { events: TExportedCaseEvent[] }>;
  /** E-mails (later also SMS and letters) sent to the person, or kept from them. */
  messages: TMessage[];
  /** Page views and app events collected by the tracking API, newest first (see `limits`). */
  events: TTrackedEvent[];
  /** The user ids and anonymous (device) ids linked to the person, with the source that linked them. */
  trackingIdentities: Array<TTrackingIdentity & { sourceName: string | null }>;
  /** Profiling: the computed traits (windowed aggregates of events) as they stand now. */
  computedTraits: TTraitValue[];
  /** Automated decisions: each time a rule fired for the person, why, and what it did (see `limits`). */
  ruleFirings: TFiringExport[];
  /** The static lists and rule segments the person is in. */
  memberships: TMembershipExport[];
  /** How many entries of the long histories are held in all, and how many this export carries. */
  limits: Record<keyof typeof EXPORT_LIMITS, { included: number; total: number }>;
  /**
   * What was done to the person's record, and when, and whether staff or the system did it; who
   * exactly (`by`) only for those who may read the audit log.
   */
  changes: Array<{ at: Date; action: string; actor: "staff" | "system"; by?: string }>;
}

/**
 * Gathers everything held on a person (GDPR art. 15) from every module that holds personal data:
 * each module contributes its part through its own export function. The request itself is audited.
 */
export async function exportPersonData(ctx: Ctx, personId: string): Promise<TPersonDataExport> {
  assertMayReadEverything(ctx);
  const person = await getPerson(ctx, personId);
  const [activities, orders, cases, messages, tracked, identities, traits, firings, memberships, consentHistory] =
    await Promise.all([
      exportActivitiesOfPerson(ctx, personId),
      exportOrdersOfPerson(ctx, personId),
      exportCasesOfPerson(ctx, personId),
      exportMessagesOfPerson(ctx, personId),
      exportEventsOfPerson(ctx, personId, EXPORT_LIMITS.events),
      exportIdentitiesOfPerson(ctx, personId),
      computedTraitValues(ctx, personId),
      exportFiringsOfPerson(ctx, personId, EXPORT_LIMITS.ruleFirings),
      exportMembershipsOfPerson(ctx, personId),
      consentHistoryOfPerson(ctx, personId),
    ]);
  const [attributes, sources, audit] = await Promise.all([
    listCustomAttributes(ctx, "person", { includeRetired: true }),
    identities.length > 0 ? listSources(ctx) : [],
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
  const mayReadAudit = grantedScope(ctx.actor, "audit", "read") !== null;
  const sourceNames = new Map(sources.map((source) => [source.id, source.name]));
  const labels = new Map(attributes.map((attribute) => [attribute.key, attribute]));
  return {
    exportedAt: ctx.clock.now(),
    person,
    customFields: Object.entries(person.custom).map(([key, value]) => ({
      key,
      label: labels.get(key)?.label ?? key,
      type: labels.get(key)?.type ?? "text",
      value,
    })),
    consentHistory,
    activities,
    orders,
    cases: mayReadAudit
      ? cases
      : cases.map((item) => ({
          ...item,
          events: item.events.map(({ actorLabel: _label, actorUserId: _user, ...event }) => event),
        })),
    messages,
    events: tracked.events,
    trackingIdentities: identities.map((identity) => ({
      ...identity,
      sourceName: sourceNames.get(identity.sourceId) ?? null,
    })),
    computedTraits: traits,
    ruleFirings: firings.firings,
    memberships,
    limits: {
      events: { included: tracked.events.length, total: tracked.total },
      ruleFirings: { included: firings.firings.length, total: firings.total },
    },
    changes: audit.map(({ at, action, actorKind, by }) => ({
      at,
      action,
      actor: actorKind === "system" ? "system" : "staff",
      ...(mayReadAudit ? { by } : {}),
    })),
  };
}

/** The areas that hold personal data: an export must not be cut short by what a role may not see. */
const PERSONAL_DATA_AREAS = ["register", "sales", "support", "marketing", "events", "rules"] as const;

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
    // Their roles go with the record: the companies whose last contact may have been theirs first.
    const companies = await organizationsOfPeople(tx, [personId]);
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
    // When they were contacted went with the activities.
    await refreshLastContact(tx, personIds, companies);
    await redact("match_candidate", await eraseCandidatesOfPeople(tx, personIds));
    await redactMergesOfPeople(tx, personIds);
    // Automated decisions about them, and the lists and segments they were in.
    const { firings } = await eraseRuleDataOfPeople(tx, personIds);
    await recordAudit(tx, {
      action: "privacy.erase",
      entity: "person",
      entityId: personId,
      after: { reason, ...counts, ruleFirings: firings, mergedRecords: personIds.slice(1) },
    });
    await emitEvent(tx, PERSON_ERASED, { personId, mergedRecords: personIds.slice(1) });
    return counts;
  });
}
