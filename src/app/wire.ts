import { matchPerson } from "../flows/match-person";
import { activitiesTimelineSource } from "../modules/activities";
import { ordersTimelineSource } from "../modules/orders";
import { PEOPLE_IMPORTED, PERSON_CREATED, PERSON_UPDATED } from "../modules/register";
import { backfillComputedTrait, COMPUTED_TRAIT_DEFINED, trackingTimelineSource } from "../modules/tracking";
import type { Services } from "./services";

/**
 * The composition root for reactions: timeline sources, cross-module event handlers and jobs are
 * registered here, so modules never import each other.
 */
export function wireHandlers(services: Services): void {
  services.timeline.register(activitiesTimelineSource);
  services.timeline.register(ordersTimelineSource);
  services.timeline.register(trackingTimelineSource);
  services.bus.on(COMPUTED_TRAIT_DEFINED, "tracking.backfill", async (event, ctx) => {
    const { traitId } = event.payload as { traitId: string };
    await backfillComputedTrait(ctx, traitId);
  });
  // Every new or changed person is checked against the register as soon as it is committed,
  // whichever way it came in: a form, the API, an import or a tracking identify.
  for (const type of [PERSON_CREATED, PERSON_UPDATED]) {
    services.bus.on(type, "quality.match", async (event, ctx) => {
      await matchPerson(ctx, (event.payload as { personId: string }).personId);
    });
  }
  services.bus.on(PEOPLE_IMPORTED, "quality.match", async (event, ctx) => {
    const { created, updated } = event.payload as { created: string[]; updated: string[] };
    for (const personId of [...created, ...updated]) await matchPerson(ctx, personId);
  });
}
