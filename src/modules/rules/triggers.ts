import { z } from "zod";

export const ZTrigger = z.discriminatedUnion("type", [
  z.object({
    type: z.literal("event"),
    eventType: z.enum(["track", "page", "screen", "identify"]),
    /** The track event or page name; absent listens to every event of the type. */
    eventName: z.string().trim().min(1).max(200).optional(),
  }),
  z.object({
    type: z.literal("record"),
    entity: z.enum(["person", "order", "activity", "case"]),
    on: z.enum(["created", "changed", "created_or_changed"]),
    /** For changes: fire only when one of these fields changed. */
    fields: z.array(z.string().max(100)).max(50).optional(),
  }),
  z.object({
    type: z.literal("schedule"),
    /** Minute hour day-of-month month day-of-week, in the server's time zone setting. */
    cron: z.string().regex(/^(\S+\s+){4}\S+$/, "Five cron fields: minute hour day month weekday"),
  }),
  z.object({
    type: z.literal("relative_date"),
    /** A timestamp or date field of the register, e.g. orders.last_order_at. */
    field: z.string().max(100),
    amount: z.number().int().min(0).max(3650),
    unit: z.enum(["hours", "days"]),
    direction: z.enum(["after", "before"]),
  }),
  z.object({
    type: z.literal("segment"),
    /** A rule whose condition defines the segment; entering or leaving it fires. */
    segmentRuleId: z.uuid(),
    on: z.enum(["enter", "leave"]),
  }),
]);
export type TTrigger = z.infer<typeof ZTrigger>;

/**
 * The key a rule is indexed under: an event meets only the rules filed under its type and name
 * (and those listening to every event of its type), a record change only those of its entity.
 */
export function triggerKey(trigger: TTrigger): string {
  switch (trigger.type) {
    case "event":
      return trigger.eventName ? `event:${trigger.eventType}:${trigger.eventName}` : `event:${trigger.eventType}:*`;
    case "record":
      return `record:${trigger.entity}`;
    case "schedule":
      return "schedule";
    case "relative_date":
      return "relative_date";
    case "segment":
      return `segment:${trigger.segmentRuleId}`;
  }
}
