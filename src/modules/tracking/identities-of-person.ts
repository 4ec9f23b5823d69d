import { asc, eq } from "drizzle-orm";
import type { Ctx } from "../../kernel/ctx";
import { authorize } from "../../kernel/permissions";
import { trackingIdentities } from "./schema";

export interface TTrackingIdentity {
  /** `user`: the id a site or app knows the person by; `anonymous`: a browser or device. */
  kind: "anonymous" | "user";
  value: string;
  linkedAt: Date;
  /** The tracking source (write key) whose message made the link. */
  sourceId: string;
}

/** The tracking ids linked to a person, oldest link first, for an access request. */
export async function exportIdentitiesOfPerson(ctx: Ctx, personId: string): Promise<TTrackingIdentity[]> {
  authorize(ctx.actor, "events", "read");
  return ctx.db
    .select({
      kind: trackingIdentities.kind,
      value: trackingIdentities.value,
      linkedAt: trackingIdentities.linkedAt,
      sourceId: trackingIdentities.sourceId,
    })
    .from(trackingIdentities)
    .where(eq(trackingIdentities.personId, personId))
    .orderBy(asc(trackingIdentities.linkedAt), asc(trackingIdentities.value));
}
