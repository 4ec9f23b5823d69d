// The full metadata: the smaller default set cannot tell mobile numbers from landlines.
import {
  type CountryCode,
  isSupportedCountry,
  type NumberType,
  parsePhoneNumberFromString,
} from "libphonenumber-js/max";
import { fail, ok, type Parsed } from "./parsed";

export interface Phone {
  e164: string;
  type: "mobile" | "landline" | "voip" | "other";
  /** ISO 3166 alpha-2, or null for numbers that belong to no country (+800 and the like). */
  country: string | null;
  /** The national way of writing it, e.g. 070-123 45 67; an extension is kept at the end. */
  national: string;
}

/**
 * Parses a phone number as people write it: national form in `defaultCountry` (SE unless given),
 * or international with + or 00. Only numbers that are valid for their country are accepted.
 * Numbers whose type the metadata cannot decide (in some countries a number can be either a
 * mobile or a landline), and toll-free, shared-cost, personal and company (010) numbers, are
 * "other".
 */
export function parsePhone(input: string, defaultCountry = "SE"): Parsed<Phone, "invalid_phone"> {
  const country = defaultCountry.toUpperCase();
  if (!isSupportedCountry(country)) {
    return fail("invalid_phone", `${defaultCountry} is not a country code this parser knows.`);
  }
  const number = parsePhoneNumberFromString(input, country as CountryCode);
  if (number === undefined || !number.isValid()) {
    return fail("invalid_phone", "This is not a valid phone number.");
  }
  return ok({
    e164: number.number,
    type: phoneType(number.getType()),
    country: number.country ?? null,
    national: number.formatNational(),
  });
}

function phoneType(type: NumberType): Phone["type"] {
  switch (type) {
    case "MOBILE":
      return "mobile";
    case "FIXED_LINE":
      return "landline";
    case "VOIP":
      return "voip";
    default:
      return "other";
  }
}
