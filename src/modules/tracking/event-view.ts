import { z } from "zod";
import { SEGMENT_TYPES } from "./schema";

export const ZTrackedEvent = z.object({
  id: z.uuid(),
  sourceId: z.uuid(),
  messageId: z.string(),
  type: z.enum(SEGMENT_TYPES),
  name: z.string().nullable(),
  anonymousId: z.string().nullable(),
  userId: z.string().nullable(),
  personId: z.uuid().nullable(),
  groupId: z.string().nullable(),
  occurredAt: z.date(),
  receivedAt: z.date(),
  sentAt: z.date().nullable(),
  originalTimestamp: z.date().nullable(),
  properties: z.record(z.string(), z.unknown()).nullable(),
  traits: z.record(z.string(), z.unknown()).nullable(),
  context: z.record(z.string(), z.unknown()).nullable(),
  integrations: z.record(z.string(), z.unknown()).nullable(),
  enrichment: z.record(z.string(), z.unknown()).nullable(),
});
export type TTrackedEvent = z.infer<typeof ZTrackedEvent>;

/** A short human title for an event, as the timeline and the stream show it. */
export function eventTitle(event: Pick<TTrackedEvent, "type" | "name" | "properties" | "traits">): string {
  const properties = event.properties ?? {};
  switch (event.type) {
    case "track":
      return event.name ?? "Event";
    case "page": {
      const title = typeof properties.title === "string" ? properties.title : null;
      const path = typeof properties.path === "string" ? properties.path : null;
      return `Viewed ${event.name ?? title ?? path ?? "a page"}`;
    }
    case "screen":
      return `Viewed screen ${event.name ?? ""}`.trim();
    case "identify":
      return "Identified";
    case "group":
      return "Joined a group";
    default:
      return "Linked an earlier identity";
  }
}
