import { z } from "zod";
import { isTimeZone } from "../../kernel/local-time";
import { zInstant, zSystemName } from "../../kernel/validate";
import { ADDRESS_KINDS, CONTACT_CHANNELS, LIFECYCLE_STAGES } from "./schema";

export const ZSourceInput = z.strictObject({
  system: zSystemName(),
  externalId: z.string().trim().min(1).max(200).optional(),
  receivedAt: zInstant().optional(),
});
export type TSourceInput = z.infer<typeof ZSourceInput>;

export const ZAddressInput = z.strictObject({
  /** Defaults to home for people and visiting for organisations. */
  kind: z.enum(ADDRESS_KINDS).optional(),
  street: z.string().trim().max(200).optional(),
  careOf: z.string().trim().max(200).optional(),
  box: z.string().trim().max(20).optional(),
  apartment: z.string().trim().max(10).optional(),
  postalCode: z.string().trim().max(20).optional(),
  city: z.string().trim().max(100).optional(),
  country: z
    .string()
    .trim()
    .regex(/^[A-Za-z]{2}$/, "A two-letter country code such as SE")
    .transform((code) => code.toUpperCase())
    .default("SE"),
  /** When the person moved in; defaults to now. */
  validFrom: zInstant().optional(),
});
export type TAddressInput = z.input<typeof ZAddressInput>;

export const ZEmailInput = z.strictObject({
  address: z.string().max(320),
  kind: z.enum(["private", "work", "other"]).default("private"),
  isPrimary: z.boolean().optional(),
});

export const ZPhoneInput = z.strictObject({
  number: z.string().max(40),
  kind: z.enum(["private", "work", "other"]).default("private"),
  isPrimary: z.boolean().optional(),
});

const personFields = {
  givenNames: z.string().trim().min(1, "Given names are required").max(200),
  surname: z.string().trim().min(1, "A surname is required").max(200),
  /** The population register's two-digit marking of the preferred given name(s), e.g. "20". */
  preferredNameMarking: z.union([z.string().max(4), z.number().int().min(0).max(99)]).optional(),
  /** An explicit choice of preferred given name, e.g. "Stig" or "Anna-Karin"; digits ("20") are read as the marking. */
  preferredGivenName: z.string().trim().max(100).optional(),
  personnummer: z.string().max(20).nullish(),
  birthDate: z.iso
    .date({ error: "A date such as 1980-04-17" })
    .refine((date) => date >= "1870-01-01", "A birth date from 1870 or later")
    .refine((date) => date <= new Date().toISOString().slice(0, 10), "A birth date cannot be in the future")
    .nullish(),
  language: z
    .string()
    .regex(/^[a-z]{2}$/, "A two-letter language code such as sv")
    .optional(),
  timeZone: z.string().refine(isTimeZone, "Not an IANA time zone, e.g. Europe/Stockholm").optional(),
  lifecycleStage: z.enum(LIFECYCLE_STAGES).optional(),
  ownerId: z.uuid().nullish(),
  ownerTeamId: z.uuid().nullish(),
  custom: z.record(z.string(), z.unknown()).optional(),
};

/** What a new person or organisation may arrive with besides its own fields. */
const newRecordFields = {
  emails: z.array(ZEmailInput).max(20).default([]),
  phones: z.array(ZPhoneInput).max(20).default([]),
  address: ZAddressInput.optional(),
  externalId: z.string().trim().min(1).max(200).optional(),
  source: ZSourceInput.optional(),
};

export const ZCreatePersonInput = z.strictObject({ ...personFields, ...newRecordFields });
export type TCreatePersonInput = z.input<typeof ZCreatePersonInput>;

export const ZUpdatePersonInput = z.strictObject({
  givenNames: personFields.givenNames.optional(),
  surname: personFields.surname.optional(),
  preferredNameMarking: personFields.preferredNameMarking,
  preferredGivenName: personFields.preferredGivenName,
  personnummer: personFields.personnummer,
  birthDate: personFields.birthDate,
  language: personFields.language,
  timeZone: personFields.timeZone,
  lifecycleStage: personFields.lifecycleStage,
  ownerId: personFields.ownerId,
  ownerTeamId: personFields.ownerTeamId,
  custom: personFields.custom,
  source: ZSourceInput.optional(),
});
export type TUpdatePersonInput = z.input<typeof ZUpdatePersonInput>;

export const ZConsentInput = z.strictObject({
  purpose: z
    .string()
    .trim()
    .regex(/^[a-z][a-z0-9_]{0,59}$/, "A lower-case purpose such as marketing or newsletter"),
  channel: z.enum(CONTACT_CHANNELS),
  status: z.enum(["granted", "withdrawn"]),
  note: z.string().max(500).optional(),
  source: ZSourceInput.optional(),
});

export const ZChannelPreferenceInput = z.strictObject({
  topic: z
    .string()
    .trim()
    .regex(/^(\*|[a-z][a-z0-9_]{0,59})$/, "A lower-case topic such as orders, or * for anything"),
  channel: z.enum(CONTACT_CHANNELS),
  window: z
    .strictObject({
      days: z.array(z.number().int().min(1).max(7)).min(1).max(7),
      from: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "HH:MM"),
      to: z.string().regex(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/, "HH:MM, at most 24:00"),
    })
    // Zero-padded HH:MM strings order as the times do.
    .refine((window) => window.to > window.from, {
      message: "The window must end after it starts, within the day",
      path: ["to"],
      params: { code: "before_start" },
    })
    .nullish(),
  source: ZSourceInput.optional(),
});

const organizationFields = {
  name: z.string().trim().min(1, "A name is required").max(300),
  organisationsnummer: z.string().max(20).nullish(),
  vatNumber: z.string().max(20).nullish(),
  /** Read and written the one way by the verb (see normalizeSniCode): "62010" is kept as 62.010. */
  sniCode: z.string().max(20).nullish(),
  industry: z.string().trim().max(200).nullish(),
  employees: z
    .number()
    .int("A whole number of employees")
    .min(0, "Employees cannot be negative")
    .max(10_000_000, "At most 10 000 000 employees")
    .nullish(),
  revenueSek: z.number().int("Revenue in whole kronor, without öre").min(0, "Revenue cannot be negative").nullish(),
  /** Checked with the other fields by the verb (see normalizeWebsite), so a form hears of every fault at once. */
  website: z.string().trim().max(2_000).nullish(),
  parentId: z.uuid().nullish(),
  ownerId: z.uuid().nullish(),
  ownerTeamId: z.uuid().nullish(),
  custom: z.record(z.string(), z.unknown()).optional(),
};

export const ZCreateOrganizationInput = z.strictObject({ ...organizationFields, ...newRecordFields });
export type TCreateOrganizationInput = z.input<typeof ZCreateOrganizationInput>;

export const ZUpdateOrganizationInput = z.strictObject({
  name: organizationFields.name.optional(),
  organisationsnummer: organizationFields.organisationsnummer,
  vatNumber: organizationFields.vatNumber,
  sniCode: organizationFields.sniCode,
  industry: organizationFields.industry,
  employees: organizationFields.employees,
  revenueSek: organizationFields.revenueSek,
  website: organizationFields.website,
  parentId: organizationFields.parentId,
  ownerId: organizationFields.ownerId,
  ownerTeamId: organizationFields.ownerTeamId,
  custom: organizationFields.custom,
  source: ZSourceInput.optional(),
});
export type TUpdateOrganizationInput = z.input<typeof ZUpdateOrganizationInput>;

export const ZRoleInput = z.strictObject({
  personId: z.uuid(),
  organizationId: z.uuid(),
  title: z.string().trim().max(200).optional(),
  department: z.string().trim().max(200).optional(),
  isPrimaryContact: z.boolean().default(false),
});
