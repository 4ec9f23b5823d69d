import { hasValidLuhn } from "./luhn";
import { fail, ok, type Parsed } from "./parsed";
import { personnummerBirthDay } from "./personnummer-date";
import { scanIdentityNumber } from "./scan-identity-number";

export interface Organisationsnummer {
  /** Ten digits. A sole trader's is the personnummer without its century. */
  normalized: string;
  /** NNNNNN-NNNN */
  formatted: string;
  /** The first digit, which names the legal form group; 0 for a sole trader, who has none. */
  groupDigit: number;
  legalForm: { sv: string; en: string };
  kind: "legal_entity" | "sole_trader";
  /** SE + the ten digits + 01 */
  vatNumber: string;
}

export type OrganisationsnummerErrorCode = "invalid_format" | "invalid_checksum" | "invalid_group";

// Frozen because every result shares them.
function form(sv: string, en: string): Readonly<{ sv: string; en: string }> {
  return Object.freeze({ sv, en });
}

const LEGAL_FORMS: Readonly<Record<number, Readonly<{ sv: string; en: string }>>> = {
  1: form("Dödsbon", "Estates"),
  2: form("Stat, region, kommun, församling", "State, regions, municipalities, parishes"),
  3: form("Utländska företag", "Foreign companies"),
  5: form("Aktiebolag", "Limited companies"),
  6: form("Enkla bolag", "Simple partnerships"),
  7: form("Ekonomiska föreningar / bostadsrättsföreningar", "Economic associations"),
  8: form("Ideella föreningar och stiftelser", "Non-profit associations, foundations"),
  9: form("Handelsbolag, kommanditbolag", "Trading partnerships, limited partnerships"),
};

const SOLE_TRADER = form("Enskild firma", "Sole trader");

const FORMAT_MESSAGE =
  "An organisationsnummer has 10 digits (NNNNNN-NNNN), or 12 with the prefix 16; a sole trader's is a personnummer.";

const GROUP_MESSAGE =
  "Neither a legal entity (third digit 2 or more, first digit a known group) nor a sole trader's personnummer.";

/**
 * Parses the number of a legal entity, or of a sole trader (enskild firma), whose number is the
 * owner's personnummer. The two are told apart by the third digit: a legal entity's is 2 or more,
 * which no birth month can start with.
 *
 * 12 digits are accepted with the prefix 16 that registers put in front of a legal entity's
 * number, or as a personnummer with its century (18, 19, 20). A sole trader's date is checked
 * without reference to today, so this function does not depend on the clock.
 */
export function parseOrganisationsnummer(input: string): Parsed<Organisationsnummer, OrganisationsnummerErrorCode> {
  const scanned = scanIdentityNumber(input);
  if (scanned === null) return fail("invalid_format", FORMAT_MESSAGE);
  const { digits, separatorAt, separator } = scanned;
  let ten: string;
  let soleTraderYear: number;
  let hasPersonCentury = false;
  if (digits.length === 10 && (separatorAt === -1 || separatorAt === 6)) {
    ten = digits;
    // Only the century's leap year matters: 00 is 2000 with '-' and 1900 with '+'.
    soleTraderYear = (separator === "+" ? 1900 : 2000) + Number(digits.slice(0, 2));
  } else if (digits.length === 12 && (separatorAt === -1 || separatorAt === 8)) {
    const century = digits.slice(0, 2);
    ten = digits.slice(2);
    if (century === "16") {
      soleTraderYear = 2000 + Number(ten.slice(0, 2));
    } else if (century === "18" || century === "19" || century === "20") {
      hasPersonCentury = true;
      soleTraderYear = Number(digits.slice(0, 4));
    } else {
      return fail("invalid_format", FORMAT_MESSAGE);
    }
  } else {
    return fail("invalid_format", FORMAT_MESSAGE);
  }
  if (!hasValidLuhn(ten)) {
    return fail("invalid_checksum", "The check digit (the last digit) does not match; a digit is probably mistyped.");
  }
  if (ten.charCodeAt(2) >= 50) {
    if (hasPersonCentury) return fail("invalid_group", GROUP_MESSAGE);
    if (separator === "+") return fail("invalid_format", "Only a personnummer can have '+' as its separator.");
    const groupDigit = ten.charCodeAt(0) - 48;
    const legalForm = LEGAL_FORMS[groupDigit];
    if (legalForm === undefined) {
      return fail("invalid_group", `The first digit ${groupDigit} is not a group of legal entities.`);
    }
    return ok(organisationsnummerOf(ten, groupDigit, legalForm, "legal_entity"));
  }
  if (
    ten.startsWith("000", 6) ||
    personnummerBirthDay(soleTraderYear, Number(ten.slice(2, 4)), Number(ten.slice(4, 6))) === 0
  ) {
    return fail("invalid_group", GROUP_MESSAGE);
  }
  return ok(organisationsnummerOf(ten, 0, SOLE_TRADER, "sole_trader"));
}

function organisationsnummerOf(
  ten: string,
  groupDigit: number,
  legalForm: { sv: string; en: string },
  kind: Organisationsnummer["kind"],
): Organisationsnummer {
  return {
    normalized: ten,
    formatted: `${ten.slice(0, 6)}-${ten.slice(6)}`,
    groupDigit,
    legalForm,
    kind,
    vatNumber: `SE${ten}01`,
  };
}
