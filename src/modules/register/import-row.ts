import type { FieldErrors } from "../../kernel/field-errors";
import { readSpreadsheetNumber, type TDecimalMark } from "../../lib/spreadsheet-number";
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

/** Who a file's owner or team cell names, as the import's caller looked them up: an id, or why not. */
export type TImportAssignee = { id: string } | { code: string; message: string };

/** The owner and team cells of a batch (trimmed, as written), each with whom it names. */
export interface TImportAssignees {
  users: ReadonlyMap<string, TImportAssignee>;
  teams: ReadonlyMap<string, TImportAssignee>;
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
  /** The seller and team the file makes responsible; null where it names none (left as is). */
  ownerId: string | null;
  ownerTeamId: string | null;
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
 * dates, Swedish Excel's SANT/FALSKT, and numbers and kronor with the file's decimal mark (see
 * `readSpreadsheetNumber`). Other values are passed on for the type to check.
 */
export function spreadsheetCustomValue(
  definition: Awaited<ReturnType<typeof loadCustomAttributes>>[number] | undefined,
  raw: string,
  decimalMark: TDecimalMark = ",",
): { value: string } | { fault: { code: string; message: string } } {
  if (definition?.type === "date") return { value: isoDayOf(raw) };
  if (definition?.type === "boolean") return { value: SPREADSHEET_BOOLEANS[raw.trim().toLowerCase()] ?? raw };
  if (definition?.type === "number" || definition?.type === "kronor") {
    const read = readSpreadsheetNumber(raw, decimalMark);
    // Anything else is left for the attribute's own check, which names its type in the fault.
    if (read.ok) return { value: read.text };
    if (read.code === "ambiguous_number") return { fault: read };
  }
  return { value: raw };
}

const ADDRESS_FIELDS = ["street", "careOf", "box", "apartment", "postalCode", "city", "country"] as const;

/**
 * The longest value each column may hold, as the API takes it. A pasted note in a name column
 * would otherwise be stored whole, and on PostgreSQL overflow an index and fail its whole batch.
 */
const MAX_LENGTHS: Record<string, number> = {
  externalId: 200,
  personId: 40,
  givenNames: 200,
  surname: 200,
  preferredGivenName: 100,
  preferredNameMarking: 4,
  personnummer: 20,
  birthDate: 30,
  language: 20,
  lifecycleStage: 30,
  email: 320,
  phone: 40,
  mobile: 40,
  addressKind: 20,
  street: 200,
  careOf: 200,
  box: 20,
  apartment: 20,
  postalCode: 20,
  city: 100,
  country: 60,
  owner: 320,
  ownerTeam: 200,
};

/**
 * The parts a Swedish file writes into the street column when it has no column for them:
 * "Storgatan 1 lgh 1102" (or ", lgh 1102") is the street and the lägenhetsnummer, "Box 123" a box.
 */
export function streetParts(street: string | undefined): { street?: string; apartment?: string; box?: string } {
  if (!street) return {};
  const box = /^box\s+(\d[\d\s]*)$/i.exec(street);
  if (box) return { box: box[1]?.trim() };
  const apartment = /^(.*?\S)\s*,?\s+lgh\.?\s*(\d{4})$/i.exec(street);
  if (apartment) return { street: apartment[1], apartment: apartment[2] };
  return { street };
}

/** Country names a Swedish file writes in the Land column, as the two-letter codes kept. */
const COUNTRY_NAMES: Record<string, string> = {
  sverige: "SE",
  sweden: "SE",
  norge: "NO",
  norway: "NO",
  danmark: "DK",
  denmark: "DK",
  finland: "FI",
  suomi: "FI",
  island: "IS",
  iceland: "IS",
  tyskland: "DE",
  germany: "DE",
};

/** The lifecycle stages as the app names them in Swedish. */
const STAGE_WORDS: Record<string, string> = {
  intresserad: "interested",
  prospekt: "prospect",
  kund: "customer",
  "tidigare kund": "former_customer",
  "före detta kund": "former_customer",
};

/** Language names as the two-letter codes kept. */
const LANGUAGE_NAMES: Record<string, string> = {
  svenska: "sv",
  swedish: "sv",
  engelska: "en",
  english: "en",
  finska: "fi",
  norska: "no",
  danska: "da",
  tyska: "de",
};

/** A country as a file writes it (SE, Sverige, Sweden) as its code; null when it is neither. */
export function spreadsheetCountry(raw: string): string | null {
  const word = raw.trim();
  if (/^[A-Za-z]{2}$/.test(word)) return word.toUpperCase();
  return COUNTRY_NAMES[word.toLowerCase()] ?? null;
}
/**
 * The user or team a cell names, by what the caller looked up; a fault on the row where it names
 * no one who can be given customers.
 */
export function assignedIn(
  cell: string | undefined,
  field: string,
  found: ReadonlyMap<string, TImportAssignee> | undefined,
  errors: FieldErrors,
): string | null {
  if (!cell) return null;
  const assignee = found?.get(cell);
  if (!assignee) {
    errors.add(field, "not_looked_up", "This import does not read who is responsible; leave the column out");
    return null;
  }
  if ("id" in assignee) return assignee.id;
  errors.add(field, assignee.code, assignee.message);
  return null;
}

export function normalizeRow(
  values: TPersonImportRow,
  errors: FieldErrors,
  definitions: Awaited<ReturnType<typeof loadCustomAttributes>>,
  today: Date,
  decimalMark: TDecimalMark = ",",
  assignees?: TImportAssignees,
): Omit<NormalRow, "row"> | null {
  const text = (key: string) => values[key]?.trim() || undefined;
  let tooLong = false;
  for (const [field, value] of Object.entries(values)) {
    const max = MAX_LENGTHS[field];
    if (max !== undefined && value !== undefined && value.length > max) {
      errors.add(field, "too_long", `At most ${max} characters (this is ${value.length})`);
      tooLong = true;
    }
  }
  if (tooLong) return null;
  const externalId = text("externalId") ?? null;
  const personId = text("personId")?.toLowerCase() ?? null;
  if (personId && !UUID.test(personId)) {
    errors.add("personId", "invalid_id", "A person's id in the register, as the lanthandelId column of an export");
  }
  // A spreadsheet without customer numbers still names each person by their personnummer.
  const hasPersonnummer = Boolean(text("personnummer"));
  if (!externalId && !personId && !hasPersonnummer) {
    errors.add(
      "externalId",
      "required",
      "Every row needs the id it has in the source system, the person's lanthandelId, or a personnummer",
    );
  }
  const givenRaw = text("givenNames");
  const surnameRaw = text("surname");
  if (!givenRaw) errors.add("givenNames", "required", "Given names are required");
  if (!surnameRaw) errors.add("surname", "required", "A surname is required");
  if (!givenRaw || !surnameRaw || (!externalId && !personId && !hasPersonnummer)) return null;
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
  const stageRaw = text("lifecycleStage");
  const stage = stageRaw ? (STAGE_WORDS[stageRaw.toLowerCase()] ?? stageRaw.toLowerCase()) : undefined;
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
  const country = text("country") === undefined ? "SE" : spreadsheetCountry(text("country") ?? "");
  if (hasAddress && country === null) {
    errors.add("country", "invalid_country", "A two-letter country code such as SE, or Sverige, Norge, Danmark");
  }
  const languageRaw = text("language");
  const language = languageRaw
    ? (LANGUAGE_NAMES[languageRaw.toLowerCase()] ??
      (/^[a-z]{2}$/i.test(languageRaw) ? languageRaw.toLowerCase() : null))
    : null;
  if (languageRaw && !language) errors.add("language", "invalid_language", "A two-letter code such as sv, or svenska");
  const kind = text("addressKind")?.toLowerCase() ?? "home";
  if (hasAddress && !(ADDRESS_KINDS as readonly string[]).includes(kind)) {
    errors.add("addressKind", "invalid_kind", `One of ${ADDRESS_KINDS.join(", ")}`);
  }
  const street = streetParts(text("street"));
  const address = hasAddress
    ? normalizeAddress(
        {
          kind: (ADDRESS_KINDS as readonly string[]).includes(kind) ? (kind as NormalAddress["kind"]) : "home",
          street: street.street,
          careOf: text("careOf"),
          box: text("box") ?? street.box,
          apartment: text("apartment") ?? street.apartment,
          postalCode: text("postalCode"),
          city: text("city"),
          country: country ?? "SE",
        },
        "address",
        errors,
      )
    : null;
  const customInput: Record<string, string> = {};
  for (const [key, value] of Object.entries(values)) {
    if (!key.startsWith("custom.") || value === undefined || value === "") continue;
    const read = spreadsheetCustomValue(
      definitions.find((definition) => definition.key === key.slice(7)),
      value,
      decimalMark,
    );
    if ("fault" in read) errors.add(key, read.fault.code, read.fault.message);
    else customInput[key.slice(7)] = read.value;
  }
  const custom = validateCustomValues(definitions, customInput, errors, { requireAll: false });
  const ownerId = assignedIn(text("owner"), "owner", assignees?.users, errors);
  const ownerTeamId = assignedIn(text("ownerTeam"), "ownerTeam", assignees?.teams, errors);
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
    language,
    lifecycleStage: (stage as NormalRow["lifecycleStage"]) ?? null,
    emails: emailList,
    phones: phoneList,
    address,
    custom,
    ownerId,
    ownerTeamId,
    fields: [
      ...fields,
      ...(ownerId ? ["ownerId"] : []),
      ...(ownerTeamId ? ["ownerTeamId"] : []),
      ...Object.keys(custom).map((key) => `custom.${key}`),
    ],
  };
}

export function searchTextOf(row: NormalRow, greeting: string): string {
  return buildSearchText([row.givenNames, greeting, row.surname]);
}
