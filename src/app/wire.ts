import { activitiesTimelineSource } from "../modules/activities";
import { ordersTimelineSource } from "../modules/orders";
import type { Services } from "./services";

/**
 * The composition root for reactions: timeline sources, cross-module event handlers and jobs are
 * registered here, so modules never import each other.
 */
export function wireHandlers(services: Services): void {
  services.timeline.register(activitiesTimelineSource);
  services.timeline.register(ordersTimelineSource);
}
