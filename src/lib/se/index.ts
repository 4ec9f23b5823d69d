export { cleanName } from "./clean-name";
export { decodeTilltalsnamn } from "./decode-tilltalsnamn";
export { EMAIL_DOMAINS } from "./email-domains";
export { encodeTilltalsnamn } from "./encode-tilltalsnamn";
export { foldSwedish } from "./fold-swedish";
export { formatShortPersonnummer } from "./format-short-personnummer";
export { generateTestPersonnummer, type TestPersonnummerOptions } from "./generate-test-personnummer";
export { givenNameParts } from "./given-name-parts";
export { FEMALE_GIVEN_NAMES, MALE_GIVEN_NAMES } from "./given-names";
export { type GreetingName, greetingName } from "./greeting-name";
export { isTestPersonnummer } from "./is-test-personnummer";
export { jaroWinkler } from "./jaro-winkler";
export { NICKNAMES } from "./nicknames";
export { type AddressParts, parseAddressLines } from "./parse-address-lines";
export { type Email, parseEmail } from "./parse-email";
export {
  type Organisationsnummer,
  type OrganisationsnummerErrorCode,
  parseOrganisationsnummer,
} from "./parse-organisationsnummer";
export { type Personnummer, type PersonnummerErrorCode, parsePersonnummer } from "./parse-personnummer";
export { type Phone, parsePhone } from "./parse-phone";
export { parsePostnummer } from "./parse-postnummer";
export { parseSniCode } from "./parse-sni-code";
export { parseVatNumber } from "./parse-vat-number";
export type { Parsed } from "./parsed";
export { STREET_STEMS, TOWNS } from "./places";
export { seededRandom } from "./seeded-random";
export { SURNAMES } from "./surnames";
export { transposedDigits } from "./transposed-digits";
export { weightedPicker } from "./weighted-picker";
