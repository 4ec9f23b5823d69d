/**
 * One person record as the matcher sees it: already normalised by the register (names cleaned,
 * personnummer as 12 digits, postnummer as 5 digits, e-mail lower-case, phones in E.164).
 */
export interface MatchRecord {
  id: string;
  /** All given names in order, e.g. ["Karl", "Stig", "Emanuel"]. */
  givenNames: string[];
  /** The marked (tilltalsnamn) ones; empty when nobody said which. */
  preferredGivenNames: string[];
  surname: string;
  /** 12 digits or null. */
  personnummer: string | null;
  /** YYYY-MM-DD or null. */
  birthDate: string | null;
  /** e.g. "Storgatan 12". */
  street: string | null;
  /** 5 digits, no space. */
  postnummer: string | null;
  city: string | null;
  /** Lower-case. */
  emails: string[];
  /** E.164. */
  phones: string[];
}
