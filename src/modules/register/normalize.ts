import type { z } from "zod";
import type { FieldErrors } from "../../kernel/field-errors";
import {
  cleanName,
  decodeTilltalsnamn,
  foldSwedish,
  givenNameParts,
  greetingName,
  parseEmail,
  parseOrganisationsnummer,
  parsePersonnummer,
  parsePhone,
  parsePostnummer,
  parseSniCode,
  parseVatNumber,
} from "../../lib/se";
import type { ZAddressInput } from "./inputs";

export interface NormalPersonnummer {
  personnummer: string;
  personnummerKind: "personnummer" | "samordningsnummer";
  birthDate: string;
}

export function normalizePersonnummer(
  input: string,
  field: string,
  errors: FieldErrors,
  today: Date,
): NormalPersonnummer | null {
  const parsed = parsePersonnummer(input, today);
  if (!parsed.ok) {
    errors.add(field, parsed.code, parsed.message);
    return null;
  }
  return {
    personnummer: parsed.value.normalized,
    personnummerKind: parsed.value.kind,
    birthDate: parsed.value.birthDate,
  };
}

export interface PreferredNameChoice {
  preferredNameMarking?: string | number | undefined;
  preferredGivenName?: string | undefined;
}

/**
 * Resolves which given-name parts are preferred: from the population register's marking code, or
 * from an explicit name. Returns null when neither is given: the greeting then falls back to the
 * first given name and is flagged uncertain.
 */
export function resolvePreferredParts(
  givenNames: string,
  choice: PreferredNameChoice,
  errors: FieldErrors,
): number[] | null {
  // A population-register export's "Tilltalsnamn" column often holds the marking itself ("20"):
  // no given name is written in digits, so digits there are read as the marking.
  if (choice.preferredGivenName && /^\s*\d{1,2}\s*$/.test(choice.preferredGivenName)) {
    return fromMarking(givenNames, choice.preferredGivenName, "preferredGivenName", errors);
  }
  if (choice.preferredGivenName) {
    const parts = givenNameParts(givenNames).map(foldSwedish);
    const wanted = givenNameParts(choice.preferredGivenName).map(foldSwedish);
    for (let start = 0; start + wanted.length <= parts.length; start++) {
      if (wanted.every((part, offset) => parts[start + offset] === part)) {
        return wanted.map((_, offset) => start + offset + 1);
      }
    }
    errors.add(
      "preferredGivenName",
      "not_a_given_name",
      `"${choice.preferredGivenName}" is not one of the given names`,
    );
    return null;
  }
  if (choice.preferredNameMarking !== undefined && choice.preferredNameMarking !== "") {
    return fromMarking(givenNames, choice.preferredNameMarking, "preferredNameMarking", errors);
  }
  return null;
}

function fromMarking(givenNames: string, code: string | number, field: string, errors: FieldErrors) {
  const decoded = decodeTilltalsnamn(givenNames, code);
  if (!decoded.ok) {
    errors.add(field, decoded.code, decoded.message);
    return null;
  }
  return decoded.value;
}

export function greetingFor(givenNames: string, preferred: number[] | null) {
  return greetingName(givenNames, preferred);
}

export function normalizeNames(givenNames: string, surname: string) {
  return { givenNames: cleanName(givenNames), surname: cleanName(surname) };
}

export function normalizeEmailAddress(input: string, field: string, errors: FieldErrors) {
  const parsed = parseEmail(input);
  if (!parsed.ok) {
    errors.add(field, parsed.code, parsed.message);
    return null;
  }
  return parsed.value;
}

export function normalizePhoneNumber(input: string, field: string, errors: FieldErrors) {
  const parsed = parsePhone(input);
  if (!parsed.ok) {
    errors.add(field, parsed.code, parsed.message);
    return null;
  }
  return parsed.value;
}

export interface NormalAddress {
  kind: "home" | "postal" | "visiting" | "billing" | "delivery";
  street: string | null;
  careOf: string | null;
  box: string | null;
  apartment: string | null;
  postalCode: string | null;
  city: string | null;
  country: string;
  validFrom: Date | null;
}

type TPlace = Pick<NormalAddress, "street" | "careOf" | "box" | "apartment" | "postalCode" | "city" | "country">;

/** Whether two addresses name one place: a record's current address and one a file gives, say. */
export function samePlace(a: TPlace, b: TPlace): boolean {
  return (
    a.street === b.street &&
    a.careOf === b.careOf &&
    a.box === b.box &&
    a.apartment === b.apartment &&
    a.postalCode === b.postalCode &&
    a.city === b.city &&
    a.country === b.country
  );
}

/** Swedish postcodes become NNN NN; other countries' postcodes are kept as given. */
export function normalizeAddress(
  input: Partial<z.output<typeof ZAddressInput>>,
  field: string,
  errors: FieldErrors,
): NormalAddress | null {
  const country = (input.country ?? "SE").toUpperCase();
  let postalCode = input.postalCode?.trim() || null;
  if (postalCode && country === "SE") {
    const parsed = parsePostnummer(postalCode);
    if (!parsed.ok) {
      errors.add(`${field}.postalCode`, parsed.code, parsed.message);
      return null;
    }
    postalCode = parsed.value.normalized;
  }
  const address: NormalAddress = {
    kind: input.kind ?? "home",
    street: input.street ? cleanSpaces(input.street) : null,
    careOf: input.careOf ? cleanSpaces(input.careOf.replace(/^c\/o\s+/i, "")) : null,
    box: input.box ? input.box.replace(/^box\s*/i, "").trim() : null,
    apartment: input.apartment ? input.apartment.replace(/^lgh\.?\s*/i, "").trim() : null,
    postalCode,
    city: input.city ? cleanName(input.city) : null,
    country,
    validFrom: input.validFrom ?? null,
  };
  if (address.apartment && !/^\d{4}$/.test(address.apartment)) {
    errors.add(`${field}.apartment`, "invalid_apartment", "A lägenhetsnummer has four digits, e.g. 1102");
    return null;
  }
  if (!address.street && !address.box && !address.city && !address.postalCode) {
    errors.add(field, "empty_address", "An address needs at least a street, a box, a postcode or a town");
    return null;
  }
  return address;
}

const cleanSpaces = (value: string) => value.trim().replace(/\s+/g, " ");

export function normalizeOrganisationsnummer(input: string, field: string, errors: FieldErrors) {
  const parsed = parseOrganisationsnummer(input);
  if (!parsed.ok) {
    errors.add(field, parsed.code, parsed.message);
    return null;
  }
  return parsed.value;
}

export function normalizeVat(input: string, field: string, errors: FieldErrors) {
  const parsed = parseVatNumber(input);
  if (!parsed.ok) {
    errors.add(field, parsed.code, parsed.message);
    return null;
  }
  return parsed.value;
}

/** An SNI code as the register keeps it ("62.010"); empty clears it, undefined leaves it. */
export function normalizeSniCode(value: string | null | undefined, field: string, errors: FieldErrors) {
  if (value === undefined) return undefined;
  if (value === null || value.trim() === "") return null;
  const parsed = parseSniCode(value);
  if (!parsed.ok) {
    errors.add(field, parsed.code, parsed.message);
    return undefined;
  }
  return parsed.value;
}

/** Lower-case without diacritics (å → a, é → e), keeping what identifiers and e-mails need. */
export function searchFold(value: string): string {
  return value
    .toLowerCase()
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z0-9@._+\- ]+/g, " ");
}

/** Whether a query holds anything to search for: a letter or a digit, not only "%", "*" or quotes. */
export const hasSearchableCharacters = (query: string) => /[a-z0-9]/.test(searchFold(query));

/** The folded text that search matches against: names, identifiers, e-mails and phone digits. */
export function buildSearchText(parts: Array<string | null | undefined>): string {
  const words = parts
    .filter((part): part is string => Boolean(part))
    .map(searchFold)
    .join(" ");
  return ` ${words.replace(/\s+/g, " ").trim()} `;
}
