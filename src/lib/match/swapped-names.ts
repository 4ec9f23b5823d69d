import { jaroWinkler } from "../se";
import { canonicalName, type PreparedRecord } from "./prepare-record";
import { withinOneEdit } from "./within-one-edit";

/**
 * Given name and surname written in each other's place: "Andersson Stig" for Stig Andersson.
 * Each crossing may carry its own slip (a typo, a nickname, å written a), as a record with
 * swapped names is no cleaner than any other.
 */
export function swappedNames(a: PreparedRecord, b: PreparedRecord): boolean {
  return crosses(a.surnameParts, b.given) && crosses(b.surnameParts, a.given);
}

function crosses(surnameParts: readonly string[], given: readonly string[]): boolean {
  for (const surname of surnameParts) {
    for (const name of given) if (alike(surname, name)) return true;
  }
  return false;
}

function alike(x: string, y: string): boolean {
  if (x === y) return true;
  if (x.length < 2 || y.length < 2) return false;
  return canonicalName(x) === canonicalName(y) || withinOneEdit(x, y) || jaroWinkler(x, y) >= 0.92;
}
