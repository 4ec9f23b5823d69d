/** The register as the API sends it; timestamps are ISO 8601 strings, dates YYYY-MM-DD. */

export const LIFECYCLE_STAGES = ["interested", "prospect", "lead", "customer", "former_customer"] as const;
export type LifecycleStage = (typeof LIFECYCLE_STAGES)[number];

export const CONTACT_CHANNELS = ["email", "sms", "letter", "phone"] as const;
export type ContactChannel = (typeof CONTACT_CHANNELS)[number];

export type ContactKind = "private" | "work" | "other";

export function isLifecycleStage(value: unknown): value is LifecycleStage {
  return LIFECYCLE_STAGES.includes(value as LifecycleStage);
}

/** Where a value came from: the system, its id there, and when it was received. */
export interface Lineage {
  system: string;
  externalId: string | null;
  receivedAt: string;
}

export interface Address {
  id: string;
  kind: "home" | "postal" | "visiting" | "billing" | "delivery";
  street: string | null;
  careOf: string | null;
  box: string | null;
  apartment: string | null;
  postalCode: string | null;
  city: string | null;
  country: string;
  validFrom: string;
  /** null while the address is current. */
  validTo: string | null;
  source: Lineage;
}

export interface EmailPoint {
  id: string;
  address: string;
  kind: ContactKind;
  isPrimary: boolean;
  source: Lineage;
}

export interface PhonePoint {
  id: string;
  e164: string;
  type: "mobile" | "landline" | "voip" | "other";
  kind: ContactKind;
  isPrimary: boolean;
  source: Lineage;
}

export interface Consent {
  purpose: string;
  channel: ContactChannel;
  status: "granted" | "withdrawn";
  recordedAt: string;
  note: string | null;
  source: Lineage;
}

export interface Role {
  id: string;
  personId: string;
  organizationId: string;
  organizationName: string;
  personName: string;
  title: string | null;
  department: string | null;
  isPrimaryContact: boolean;
  validFrom: string;
  validTo: string | null;
}

export interface PersonSummary {
  id: string;
  givenNames: string;
  greetingName: string;
  greetingUncertain: boolean;
  surname: string;
  personnummer: string | null;
  lifecycleStage: LifecycleStage;
  ownerId: string | null;
  ownerTeamId: string | null;
  email: string | null;
  phone: string | null;
  city: string | null;
  birthDate: string | null;
  custom: Record<string, unknown>;
  /** When staff last called, met or e-mailed the person. */
  lastContactAt: string | null;
  /** The earliest call, meeting or e-mail booked ahead. */
  nextContactAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface Person {
  id: string;
  givenNames: string;
  /** 1-based positions among the given names, hyphenated names counting as two. */
  preferredNameParts: number[] | null;
  preferredNameMarking: string | null;
  greetingName: string;
  greetingUncertain: boolean;
  surname: string;
  personnummer: string | null;
  personnummerKind: "personnummer" | "samordningsnummer" | null;
  birthDate: string | null;
  language: string;
  timeZone: string;
  lifecycleStage: LifecycleStage;
  ownerId: string | null;
  ownerTeamId: string | null;
  profilingObjection: boolean;
  profilingObjectionAt: string | null;
  custom: Record<string, unknown>;
  lineage: Record<string, Lineage>;
  externalIds: { system: string; externalId: string }[];
  /** Newest first. */
  addresses: Address[];
  emails: EmailPoint[];
  phones: PhonePoint[];
  consents: Consent[];
  /** Topic by topic, in the order of the topics. */
  channelPreferences: ChannelPreference[];
  roles: Role[];
  /** When staff last called, met or e-mailed the person. */
  lastContactAt: string | null;
  nextContactAt: string | null;
  createdAt: string;
  updatedAt: string;
  erasedAt: string | null;
  /** Set on a record merged into another: the survivor to go to instead. */
  mergedInto: string | null;
}

export interface OrganizationSummary {
  id: string;
  name: string;
  organisationsnummer: string | null;
  legalForm: string | null;
  industry: string | null;
  sniCode: string | null;
  employees: number | null;
  revenueSek: number | null;
  city: string | null;
  people: number;
  ownerId: string | null;
  ownerTeamId: string | null;
  custom: Record<string, unknown>;
  lastContactAt: string | null;
  nextContactAt: string | null;
  createdAt: string;
}

export interface OrganizationRef {
  id: string;
  name: string;
}

export interface Organization {
  id: string;
  name: string;
  organisationsnummer: string | null;
  groupDigit: number | null;
  legalForm: string | null;
  vatNumber: string | null;
  sniCode: string | null;
  industry: string | null;
  employees: number | null;
  revenueSek: number | null;
  website: string | null;
  parentId: string | null;
  ownerId: string | null;
  ownerTeamId: string | null;
  custom: Record<string, unknown>;
  lineage: Record<string, Lineage>;
  addresses: Address[];
  emails: EmailPoint[];
  phones: PhonePoint[];
  roles: Role[];
  parent: OrganizationRef | null;
  subsidiaries: OrganizationRef[];
  lastContactAt: string | null;
  nextContactAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export const CUSTOM_ATTRIBUTE_TYPES = ["text", "number", "date", "boolean", "choice", "kronor"] as const;

export type CustomAttributeType = (typeof CUSTOM_ATTRIBUTE_TYPES)[number];
export type CustomEntity = "person" | "organization";

export interface CustomAttribute {
  id: string;
  key: string;
  label: string;
  description: string | null;
  type: CustomAttributeType;
  choices: string[] | null;
  required: boolean;
  /** Retired attributes are left out of forms and lists; their values are kept. */
  retired: boolean;
}

/** As the admin page reads it. */
export interface CustomAttributeDefinition extends CustomAttribute {
  entity: CustomEntity;
  retiredAt: string | null;
  createdAt: string;
  updatedAt: string | null;
}

/** The kinds the timeline knows today; the server's `kinds` list is what the filter offers. */
export const TIMELINE_KINDS = [
  "call",
  "meeting",
  "email",
  "note",
  "task",
  "document",
  "order",
  "event",
  "case",
  "message",
] as const;
export type TimelineKind = (typeof TIMELINE_KINDS)[number];

export const ACTIVITY_KINDS = ["call", "meeting", "email", "note", "task"] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

export function isTimelineKind(value: string): value is TimelineKind {
  return TIMELINE_KINDS.includes(value as TimelineKind);
}

export interface AttachedDocument {
  id: string;
  filename: string;
  contentType: string;
  sizeBytes: number;
}

export interface TimelineItem {
  id: string;
  kind: string;
  occurredAt: string;
  title: string;
  summary: string | null;
  /** The person the entry is about, if any; an organisation's own entries have none. */
  personId: string | null;
  organizationId: string | null;
  source: string;
  /** Per kind: tasks carry dueAt and status, documents their files, orders totalSek, events their type and enrichment. */
  data: Record<string, unknown>;
}

export interface TimelinePage {
  items: TimelineItem[];
  nextCursor: string | null;
  kinds: string[];
}

/** Which channel a person prefers for a topic (`*`: anything else), and when they may be reached there. */
export interface ChannelPreference {
  topic: string;
  channel: ContactChannel;
  /** Weekdays (1 = Monday) and local hours; null for any time. */
  window: { days: number[]; from: string; to: string } | null;
  updatedAt: string;
  /** Who told us, and when the customer said it. */
  source: Lineage;
}
