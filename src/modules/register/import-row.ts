import type { FieldErrors } from "../../kernel/field-errors";
import type { NormalEmail, NormalPhone } from "./contact-points";
import { isCalendarDate, validateCustomValues } from "./custom-values";
import type { loadCustomAttributes } from "./list-custom-attributes";
import {
  buildSearchText,
  type NormalAddress,
  normalizeAddress,
  normalizeEmailAddress,
  normalizeNames,
  normalizePersonnummer,
  normalizePhoneNumber,
  resolvePreferredParts,
} from "./normalize";
import { ADDRESS_KINDS, LIFECYCLE_STAGES } from "./schema";

export type TPersonImportRow = Record<string, string | undefined>;

export interface TImportRowError {
  row: number;
  field: string;
  code: string;
  message: string;
}

export interface TImportBatchResult {
  created: number;
  updated: number;
  /** Rows of records already there with the same values: nothing was written for them. */
  unchanged: number;
  failed: number;
  errors: TImportRowError[];
}

export interface NormalRow {
  row: number;
  /** The row's id in the source system; a row may instead name the person by `personId`. */
  externalId: string | null;
  /** The person's own id in the register (an export's `lanthandelId`): the row updates them. */
  personId: string | null;
  givenNames: string;
  surname: string;
  preferred: number[] | null;
  personnummer: ReturnType<typeof normalizePersonnummer>;
  birthDate: string | null;
  language: string | null;
  lifecycleStage: (typeof LIFECYCLE_STAGES)[number] | null;
  emails: NormalEmail[];
  phones: NormalPhone[];
  address: NormalAddress | null;
  custom: Record<string, unknown>;
  fields: string[];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The source record a row's values came from: its id in the source system, or else the person's. */
export const sourceRecordId = (row: Pick<NormalRow, "externalId" | "personId">): string =>
  row.externalId ?? row.personId ?? "";

/** A day as Swedish files write it: 2026-03-02, or 02/03/2026 and 2.3.2026 read day first. */
export function isoDayOf(raw: string): string {
  const dayFirst = /^(\d{1,2})[./](\d{1,2})[./](\d{4})$/.exec(raw.trim());
  return dayFirst ? `${dayFirst[3]}-${dayFirst[2]?.padStart(2, "0")}-${dayFirst[1]?.padStart(2, "0")}` : raw.trim();
}

/** What a Swedish spreadsheet writes for yes and no. */
const SPREADSHEET_BOOLEANS: Record<string, string> = { sant: "true", falskt: "false" };

/**
 * A custom value as a spreadsheet saves it, in the form the attribute's type reads: day-first
 * dates and Swedish Excel's SANT/FALSKT. Other values are passed on for the type to check.
 */
export function spreadsheetCustomValue(
  definition: Awaited<ReturnType<typeof loadCustomAttributes>>[number] | undefined,
  raw: string,
): string {
  if (definition?.type === "date") return isoDayOf(raw);
  if (definition?.type === "boolean") return SPREADSHEET_BOOLEANS[raw.trim().toLowerCase()] ?? raw;
  return raw;
}

const ADDRESS_FIELDS = ["street", "careOf", "box", "apartment", "postalCode", "city", "country"] as const;
export function normalizeRow(
  values: TPersonImportRow,
  errors: FieldErrors,
  definitions: Awaited<ReturnType<typeof loadCustomAttributes>>,
  today: Date,
): Omit<NormalRow, "row"> | null {
  const text = (key: string) => values[key]?.trim() || undefined;
  const externalId = text("externalId") ?? null;
  const personId = text("personId")?.toLowerCase() ?? null;
  if (personId && !UUID.test(personId)) {
    errors.add("personId", "invalid_id", "A person's id in the register, as the lanthandelId column of an export");
  }
  if (!externalId && !personId) {
    errors.add(
      "externalId",
      "required",
      "Every row needs the id it has in the source system, or the person's lanthandelId",
    );
  }
  const givenRaw = text("givenNames");
  const surnameRaw = text("surname");
  if (!givenRaw) errors.add("givenNames", "required", "Given names are required");
  if (!surnameRaw) errors.add("surname", "required", "A surname is required");
  if (!givenRaw || !surnameRaw || (!externalId && !personId)) return null;
  const names = normalizeNames(givenRaw, surnameRaw);
  const preferred = resolvePreferredParts(
    names.givenNames,
    { preferredNameMarking: text("preferredNameMarking"), preferredGivenName: text("preferredGivenName") },
    errors,
  );
  const pnrRaw = text("personnummer");
  const personnummer = pnrRaw ? normalizePersonnummer(pnrRaw, "personnummer", errors, today) : null;
  const birthDateRaw = text("birthDate");
  const birthDate = birthDateRaw ? isoDayOf(birthDateRaw) : null;
  if (birthDate && (!isCalendarDate(birthDate) || birthDate < "1870-01-01" || birthDate > new Date().toISOString()))
    errors.add("birthDate", "invalid_date", "A date such as 1984-11-02 or 02/11/1984, from 1870 to today");
  const stage = text("lifecycleStage");
  if (stage && !(LIFECYCLE_STAGES as readonly string[]).includes(stage)) {
    errors.add("lifecycleStage", "invalid_stage", `One of ${LIFECYCLE_STAGES.join(", ")}`);
  }
  const email = text("email") ? normalizeEmailAddress(text("email") ?? "", "email", errors) : null;
  const emailList: NormalEmail[] = email
    ? [{ address: email.address, canonical: email.canonical, kind: "private", isPrimary: true }]
    : [];
  const phoneList: NormalPhone[] = [];
  for (const field of ["mobile", "phone"] as const) {
    const raw = text(field);
    const phone = raw ? normalizePhoneNumber(raw, field, errors) : null;
    if (phone && !phoneList.some((existing) => existing.e164 === phone.e164)) {
      phoneList.push({ e164: phone.e164, type: phone.type, kind: "private", isPrimary: phoneList.length === 0 });
    }
  }
  const hasAddress = ADDRESS_FIELDS.some((field) => text(field));
  const kind = text("addressKind")?.toLowerCase() ?? "home";
  if (hasAddress && !(ADDRESS_KINDS as readonly string[]).includes(kind)) {
    errors.add("addressKind", "invalid_kind", `One of ${ADDRESS_KINDS.join(", ")}`);
  }
  const address = hasAddress
    ? normalizeAddress(
        {
          kind: (ADDRESS_KINDS as readonly string[]).includes(kind) ? (kind as NormalAddress["kind"]) : "home",
          street: text("street"),
          careOf: text("careOf"),
          box: text("box"),
          apartment: text("apartment"),
          postalCode: text("postalCode"),
          city: text("city"),
          country: text("country") ?? "SE",
        },
        "address",
        errors,
      )
    : null;
  const customInput = Object.fromEntries(
    Object.entries(values)
      .filter(([key, value]) => key.startsWith("custom.") && value !== undefined && value !== "")
      .map(([key, value]) => [
        key.slice(7),
        spreadsheetCustomValue(
          definitions.find((definition) => definition.key === key.slice(7)),
          value ?? "",
        ),
      ]),
  );
  const custom = validateCustomValues(definitions, customInput, errors, { requireAll: false });
  const fields = [
    "givenNames",
    "surname",
    "preferredNameMarking",
    "personnummer",
    "birthDate",
    "language",
    "lifecycleStage",
  ].filter((field) => text(field) !== undefined);
  return {
    externalId,
    personId,
    ...names,
    preferred,
    personnummer,
    birthDate: personnummer?.birthDate ?? birthDate,
    language: text("language") ?? null,
    lifecycleStage: (stage as NormalRow["lifecycleStage"]) ?? null,
    emails: emailList,
    phones: phoneList,
    address,
    custom,
    fields: [...fields, ...Object.keys(custom).map((key) => `custom.${key}`)],
  };
}

export function searchTextOf(row: NormalRow, greeting: string): string {
  return buildSearchText([row.givenNames, greeting, row.surname]);
}
