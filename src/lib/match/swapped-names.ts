import type { PreparedRecord } from "./prepare-record";

/** Given name and surname written in each other's place: "Andersson Stig" for Stig Andersson. */
export function swappedNames(a: PreparedRecord, b: PreparedRecord): boolean {
  return a.surname.length > 0 && b.surname.length > 0 && b.given.includes(a.surname) && a.given.includes(b.surname);
}
