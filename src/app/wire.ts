import { matchPerson } from "../flows/match-person";
import { refreshLastContact } from "../flows/refresh-last-contact";
import type { EventHandler } from "../kernel/events";
import { ACTIVITY_LOGGED, activitiesTimelineSource } from "../modules/activities";
import { CASE_ESCALATED, CASE_OPENED, CASE_UPDATED, casesTimelineSource } from "../modules/cases";
import { ORDER_RECORDED, ordersTimelineSource } from "../modules/orders";
import { PEOPLE_IMPORTED, PERSON_CREATED, PERSON_UPDATED, profilingObjectors, ROLE_CHANGED } from "../modules/register";
import { backfillComputedTrait, COMPUTED_TRAIT_DEFINED, trackingTimelineSource } from "../modules/tracking";
import { wireMessages } from "./messages-runtime";
import type { Services } from "./services";

/**
 * The composition root for reactions: timeline sources, cross-module event handlers and jobs are
 * registered here, so modules never import each other.
 */
const OWNERSHIP_FIELDS = new Set(["ownerId", "ownerTeamId"]);

export function wireHandlers(services: Services): void {
  services.timeline.register(activitiesTimelineSource);
  services.timeline.register(ordersTimelineSource);
  services.timeline.register(casesTimelineSource);
  services.timeline.register(trackingTimelineSource);
  wireMessages(services);
  services.bus.on(COMPUTED_TRAIT_DEFINED, "tracking.backfill", async (event, ctx) => {
    const { traitId } = event.payload as { traitId: string };
    await backfillComputedTrait(ctx, traitId, profilingObjectors);
  });
  // Every new or changed person is checked against the register as soon as it is committed,
  // whichever way it came in: a form, the API, an import or a tracking identify.
  // A new owner changes nothing the matcher compares: a hand-over of 2 000 customers matches none.
  for (const type of [PERSON_CREATED, PERSON_UPDATED]) {
    services.bus.on(type, "quality.match", async (event, ctx) => {
      const { personId, changed } = event.payload as { personId: string; changed?: string[] };
      if (changed?.length && changed.every((field) => OWNERSHIP_FIELDS.has(field))) return;
      await matchPerson(ctx, personId);
    });
  }
  // Record triggers: a rule listening for people, orders or activities decides once the change is
  // committed; the acting label carries the chain of rules that caused it, so loops are caught.
  const recordChange = (entity: string, created: (payload: Record<string, unknown>) => boolean) =>
    (async (event, ctx) => {
      const payload = event.payload as Record<string, unknown>;
      const personId = payload.personId;
      if (typeof personId !== "string") return;
      await services.rules.handleRecordChange(ctx, {
        entity,
        personId,
        created: created(payload),
        fields: Array.isArray(payload.changed) ? (payload.changed as string[]) : [],
        cause: `domain:${event.id}`,
        actorLabel: event.actor.label,
      });
    }) satisfies EventHandler;
  services.bus.on(
    PERSON_CREATED,
    "rules.record",
    recordChange("person", () => true),
  );
  services.bus.on(
    PERSON_UPDATED,
    "rules.record",
    recordChange("person", () => false),
  );
  services.bus.on(
    ORDER_RECORDED,
    "rules.record",
    recordChange("order", (payload) => payload.created === true),
  );
  services.bus.on(
    ACTIVITY_LOGGED,
    "rules.record",
    recordChange("activity", () => true),
  );
  services.bus.on(
    CASE_OPENED,
    "rules.record",
    recordChange("case", () => true),
  );
  for (const type of [CASE_UPDATED, CASE_ESCALATED]) {
    services.bus.on(
      type,
      "rules.record",
      recordChange("case", () => false),
    );
  }
  services.bus.on(PEOPLE_IMPORTED, "quality.match", async (event, ctx) => {
    const { created, updated } = event.payload as { created: string[]; updated: string[] };
    for (const personId of [...created, ...updated]) await matchPerson(ctx, personId);
  });
  // Who works where decides a company's last contact: a new colleague's calls count, a departed one's no longer.
  services.bus.on(ROLE_CHANGED, "register.last_contact", async (event, ctx) => {
    const { organizationId } = event.payload as { organizationId: string };
    await refreshLastContact(ctx, [], [organizationId]);
  });
}
