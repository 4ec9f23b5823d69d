/** Event collection as the API sends it; timestamps are ISO 8601 strings. */

export const EVENT_TYPES = ["identify", "track", "page", "screen", "group", "alias"] as const;
export type EventType = (typeof EVENT_TYPES)[number];

export function isEventType(value: unknown): value is EventType {
  return EVENT_TYPES.includes(value as EventType);
}

export const CHANNELS = [
  "direct",
  "organic_search",
  "paid_search",
  "social",
  "paid_social",
  "email",
  "affiliate",
  "display",
  "referral",
  "internal",
] as const;
export type Channel = (typeof CHANNELS)[number];

export interface DeviceInfo {
  deviceType: "desktop" | "mobile" | "tablet" | "tv" | "bot" | "other";
  os: string | null;
  osVersion: string | null;
  browser: string | null;
  browserVersion: string | null;
}

export interface Reference {
  channel: Channel;
  source: string | null;
  medium: string | null;
  campaign: string | null;
  campaignId: string | null;
  term: string | null;
  content: string | null;
  affiliate: string | null;
  socialNetwork: string | null;
  searchEngine: string | null;
  clickIdType: string | null;
  clickId: string | null;
  referrerHost: string | null;
}

/** What the server adds to an event about its visitor: device, country, local time, where they came from. */
export interface Enrichment {
  device: DeviceInfo | null;
  country: string | null;
  ip: string | null;
  local: { timeZone: string; localHour: number; weekday: number; localDate: string } | null;
  reference: Reference;
  screen: { width: number; height: number } | null;
  locale: string | null;
}

/**
 * What the server picks out of an event for its line in the person's timeline (`data.detail`):
 * the app words it in the reader's language.
 */
export interface EventDetail {
  /** A page's path beside its name; the user id an identify linked; a group's id. */
  subject: string | null;
  properties: Array<{ key: string; value: string | number | boolean }>;
  /** The names of the traits an identify or group call set. */
  traits: string[];
  /** Where the visitor came from, when not directly or from the site itself. */
  channel: string | null;
  source: string | null;
  campaign: string | null;
  device: Pick<DeviceInfo, "deviceType" | "browser" | "os"> | null;
  country: string | null;
}

export interface TrackedEvent {
  id: string;
  sourceId: string;
  messageId: string;
  type: EventType;
  name: string | null;
  anonymousId: string | null;
  userId: string | null;
  personId: string | null;
  groupId: string | null;
  occurredAt: string;
  receivedAt: string;
  sentAt: string | null;
  originalTimestamp: string | null;
  properties: Record<string, unknown> | null;
  traits: Record<string, unknown> | null;
  context: Record<string, unknown> | null;
  integrations: Record<string, unknown> | null;
  /** Events stored before enrichment existed have none. */
  enrichment: Partial<Enrichment> | null;
}

export interface EventPage {
  items: TrackedEvent[];
  nextBefore: string | null;
}

export const SOURCE_KINDS = ["web", "app", "server"] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

export function isSourceKind(value: unknown): value is SourceKind {
  return SOURCE_KINDS.includes(value as SourceKind);
}

export interface Source {
  id: string;
  name: string;
  kind: SourceKind;
  writeKeyPrefix: string;
  createdAt: string;
  revokedAt: string | null;
}

export interface Rejection {
  id: string;
  sourceId: string | null;
  receivedAt: string;
  code: string;
  detail: string;
  field: string | null;
  excerpt: string | null;
  ip: string | null;
}

export interface SourceDebugger {
  events: TrackedEvent[];
  rejections: Rejection[];
}

export const TRAIT_EVENT_TYPES = ["track", "page", "screen"] as const;
export type TraitEventType = (typeof TRAIT_EVENT_TYPES)[number];

export const TRAIT_AGGREGATES = ["count", "sum", "min", "max", "avg"] as const;
export type TraitAggregate = (typeof TRAIT_AGGREGATES)[number];

export const TRAIT_FILTER_OPS = ["eq", "neq", "gt", "gte", "lt", "lte", "in", "exists"] as const;
export type TraitFilterOp = (typeof TRAIT_FILTER_OPS)[number];

export function isTraitEventType(value: unknown): value is TraitEventType {
  return TRAIT_EVENT_TYPES.includes(value as TraitEventType);
}

export function isTraitAggregate(value: unknown): value is TraitAggregate {
  return TRAIT_AGGREGATES.includes(value as TraitAggregate);
}

export function isTraitFilterOp(value: unknown): value is TraitFilterOp {
  return TRAIT_FILTER_OPS.includes(value as TraitFilterOp);
}

export interface TraitFilter {
  property: string;
  op: TraitFilterOp;
  value?: string | number | boolean | Array<string | number>;
}

export interface ComputedTrait {
  id: string;
  key: string;
  label: string;
  eventType: TraitEventType;
  eventName: string | null;
  filters: TraitFilter[];
  aggregate: TraitAggregate;
  property: string | null;
  windowDays: number;
  createdAt: string;
  /** null until the retained past events have been folded in. */
  backfilledAt: string | null;
}

export interface TraitValue {
  key: string;
  label: string;
  value: number | null;
  windowDays: number;
}

export interface IdentityConflict {
  id: string;
  kind: "anonymous" | "user";
  value: string;
  linkedPersonId: string;
  claimedPersonId: string;
  reason: string;
  sourceId: string;
  messageId: string;
  status: "open" | "resolved";
  detectedAt: string;
  resolvedAt: string | null;
  resolvedBy: string | null;
}
