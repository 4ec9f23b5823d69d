import { parseOrganisationsnummer } from "./parse-organisationsnummer";
import { fail, ok, type Parsed } from "./parsed";

// The prefixes of the EU's VAT number exchange: member states (Greece is EL, not GR) and XI for
// Northern Ireland, which stays in the EU VAT area for goods.
const EU_PREFIXES = new Set([
  "AT",
  "BE",
  "BG",
  "CY",
  "CZ",
  "DE",
  "DK",
  "EE",
  "EL",
  "ES",
  "FI",
  "FR",
  "HR",
  "HU",
  "IE",
  "IT",
  "LT",
  "LU",
  "LV",
  "MT",
  "NL",
  "PL",
  "PT",
  "RO",
  "SE",
  "SI",
  "SK",
  "XI",
]);

/**
 * Normalises an EU VAT number: upper case, without the spaces, dots and hyphens people write in
 * them. A Swedish one must be SE + a valid organisationsnummer (or sole trader's personnummer) +
 * 01. Other member states' numbers are only checked for shape (2 to 13 letters or digits after
 * the prefix): their check rules differ per country and the exchange itself is the authority.
 */
export function parseVatNumber(input: string): Parsed<string, "invalid_vat_number"> {
  const compact = input.replace(/[\s.\-\u2010-\u2014]/g, "").toUpperCase();
  if (!/^[A-Z]{2}[A-Z0-9]{2,13}$/.test(compact)) {
    return fail(
      "invalid_vat_number",
      "A VAT number is a two-letter country prefix followed by 2 to 13 letters or digits.",
    );
  }
  const prefix = compact.slice(0, 2);
  if (!EU_PREFIXES.has(prefix)) {
    return fail("invalid_vat_number", `${prefix} is not the prefix of an EU VAT number.`);
  }
  if (prefix !== "SE") return ok(compact);
  if (!/^SE\d{10}01$/.test(compact)) {
    return fail("invalid_vat_number", "A Swedish VAT number is SE, the 10-digit organisationsnummer and 01.");
  }
  const organisation = parseOrganisationsnummer(compact.slice(2, 12));
  if (!organisation.ok) {
    return fail(
      "invalid_vat_number",
      `The organisationsnummer in this VAT number is not valid: ${organisation.message}`,
    );
  }
  return ok(compact);
}
