import { z } from "zod";
import { ADDRESS_KINDS, CONTACT_CHANNELS, LIFECYCLE_STAGES } from "./schema";

export const ZLineage = z.object({ system: z.string(), externalId: z.string().nullable(), receivedAt: z.string() });

export const ZAddress = z.object({
  id: z.uuid(),
  kind: z.enum(ADDRESS_KINDS),
  street: z.string().nullable(),
  careOf: z.string().nullable(),
  box: z.string().nullable(),
  apartment: z.string().nullable(),
  postalCode: z.string().nullable(),
  city: z.string().nullable(),
  country: z.string(),
  validFrom: z.date(),
  validTo: z.date().nullable(),
  source: ZLineage,
});
export type TAddress = z.infer<typeof ZAddress>;

export const ZEmailView = z.object({
  id: z.uuid(),
  address: z.string(),
  kind: z.enum(["private", "work", "other"]),
  isPrimary: z.boolean(),
  source: ZLineage,
});

export const ZPhoneView = z.object({
  id: z.uuid(),
  e164: z.string(),
  type: z.enum(["mobile", "landline", "voip", "other"]),
  kind: z.enum(["private", "work", "other"]),
  isPrimary: z.boolean(),
  source: ZLineage,
});

export const ZConsentView = z.object({
  purpose: z.string(),
  channel: z.enum(CONTACT_CHANNELS),
  status: z.enum(["granted", "withdrawn"]),
  recordedAt: z.date(),
  note: z.string().nullable(),
  source: ZLineage,
});
export type TConsentView = z.infer<typeof ZConsentView>;

export const ZChannelPreference = z.object({
  topic: z.string(),
  channel: z.enum(CONTACT_CHANNELS),
  window: z.object({ days: z.array(z.number().int()), from: z.string(), to: z.string() }).nullable(),
  updatedAt: z.date(),
  source: ZLineage,
});

export const ZRoleView = z.object({
  id: z.uuid(),
  personId: z.uuid(),
  organizationId: z.uuid(),
  organizationName: z.string(),
  personName: z.string(),
  title: z.string().nullable(),
  department: z.string().nullable(),
  isPrimaryContact: z.boolean(),
  validFrom: z.date(),
  validTo: z.date().nullable(),
});

/** A person as lists show it: the names, the identifiers and the current primary contact points. */
export const ZPersonSummary = z.object({
  id: z.uuid(),
  givenNames: z.string(),
  greetingName: z.string(),
  greetingUncertain: z.boolean(),
  surname: z.string(),
  personnummer: z.string().nullable(),
  lifecycleStage: z.enum(LIFECYCLE_STAGES),
  ownerId: z.uuid().nullable(),
  ownerTeamId: z.uuid().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  city: z.string().nullable(),
  birthDate: z.string().nullable(),
  custom: z.record(z.string(), z.unknown()),
  lastContactAt: z.date().nullable().describe("When staff last called, met or e-mailed the person"),
  nextContactAt: z.date().nullable().describe("The earliest call, meeting or e-mail booked ahead with the person"),
  createdAt: z.date(),
  updatedAt: z.date(),
});
export type TPersonSummary = z.infer<typeof ZPersonSummary>;

export const ZPerson = z.object({
  id: z.uuid(),
  givenNames: z.string(),
  preferredNameParts: z.array(z.number().int()).nullable(),
  preferredNameMarking: z.string().nullable(),
  greetingName: z.string(),
  greetingUncertain: z.boolean(),
  surname: z.string(),
  personnummer: z.string().nullable(),
  personnummerKind: z.enum(["personnummer", "samordningsnummer"]).nullable(),
  birthDate: z.string().nullable(),
  language: z.string(),
  timeZone: z.string(),
  lifecycleStage: z.enum(LIFECYCLE_STAGES),
  ownerId: z.uuid().nullable(),
  ownerTeamId: z.uuid().nullable(),
  profilingObjection: z.boolean(),
  profilingObjectionAt: z.date().nullable(),
  custom: z.record(z.string(), z.unknown()),
  lineage: z.record(z.string(), ZLineage),
  externalIds: z.array(z.object({ system: z.string(), externalId: z.string() })),
  addresses: z.array(ZAddress),
  emails: z.array(ZEmailView),
  phones: z.array(ZPhoneView),
  consents: z.array(ZConsentView),
  channelPreferences: z.array(ZChannelPreference),
  roles: z.array(ZRoleView),
  lastContactAt: z.date().nullable().describe("When staff last called, met or e-mailed the person"),
  nextContactAt: z.date().nullable().describe("The earliest call, meeting or e-mail booked ahead with the person"),
  createdAt: z.date(),
  updatedAt: z.date(),
  erasedAt: z.date().nullable(),
  /** Set on a record merged into another: the survivor to go to instead. */
  mergedInto: z.uuid().nullable(),
});
export type TPerson = z.infer<typeof ZPerson>;

export const ZOrganization = z.object({
  id: z.uuid(),
  name: z.string(),
  organisationsnummer: z.string().nullable(),
  groupDigit: z.number().int().nullable(),
  legalForm: z.string().nullable(),
  vatNumber: z.string().nullable(),
  sniCode: z.string().nullable(),
  industry: z.string().nullable(),
  employees: z.number().int().nullable(),
  revenueSek: z.number().nullable(),
  website: z.string().nullable(),
  parentId: z.uuid().nullable(),
  ownerId: z.uuid().nullable(),
  ownerTeamId: z.uuid().nullable(),
  custom: z.record(z.string(), z.unknown()),
  lineage: z.record(z.string(), ZLineage),
  lastContactAt: z
    .date()
    .nullable()
    .describe("When staff last called, met or e-mailed the company, or anyone who works there now"),
  nextContactAt: z
    .date()
    .nullable()
    .describe("The earliest call, meeting or e-mail booked ahead with the company or anyone who works there now"),
  createdAt: z.date(),
  updatedAt: z.date(),
});
export type TOrganization = z.infer<typeof ZOrganization>;

export const ZOrganizationDetail = ZOrganization.extend({
  addresses: z.array(ZAddress),
  emails: z.array(ZEmailView),
  phones: z.array(ZPhoneView),
  roles: z.array(ZRoleView),
  parent: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  subsidiaries: z.array(z.object({ id: z.uuid(), name: z.string() })),
});
export type TOrganizationDetail = z.infer<typeof ZOrganizationDetail>;
