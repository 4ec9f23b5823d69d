import type { Ctx } from "../kernel/ctx";
import type { TimelineRegistry } from "../kernel/timeline";
import { getOrganization } from "../modules/register";
import { type TTimelineInput, type TTimelinePage, timelinePage } from "./person-360";

/**
 * One page of an organisation's timeline, newest first: what was recorded on the organisation
 * itself (meetings, calls, quotes, orders and cases of the company) and everything of the people
 * who work there now. A person's own entries leave the organisation's timeline with them when
 * their role ends; entries recorded on the organisation stay.
 */
export async function organizationTimeline(
  ctx: Ctx,
  registry: TimelineRegistry,
  organizationId: string,
  input: TTimelineInput,
): Promise<TTimelinePage> {
  const organization = await getOrganization(ctx, organizationId);
  const personIds = [
    ...new Set(organization.roles.filter((role) => role.validTo === null).map((role) => role.personId)),
  ];
  return timelinePage(ctx, registry, { personIds, organizationIds: [organizationId] }, input);
}
