import type { FieldComparator } from "./field-comparator";
import { firstShared } from "./first-shared";
import { levelIndices } from "./level-indices";
import type { PreparedRecord } from "./prepare-record";

export const EMAIL_LEVELS = ["exact", "same_local_part", "same_name_local_part", "different", "missing"] as const;
const level = levelIndices(EMAIL_LEVELS);

/**
 * "Same local part": anna_764 at one provider and at another. When the shared local part is
 * nothing but the person's names (anna.berg, annaberg85, anna.berg3), it is its own level: two
 * namesakes often end up with the same one at different providers, so it repeats what the names
 * already said.
 */
export const compareEmail: FieldComparator = {
  field: "email",
  levels: EMAIL_LEVELS,
  compare(a, b) {
    if (a.emails.length === 0 || b.emails.length === 0) return level.missing;
    if (firstShared(a.emails, b.emails) !== null) return level.exact;
    const local = firstShared(a.emailLocals, b.emailLocals);
    if (local === null) return level.different;
    return isMadeOfNames(local, a) || isMadeOfNames(local, b) ? level.same_name_local_part : level.same_local_part;
  },
  display: (record) => (record.emails.length > 0 ? record.emails.join(", ") : null),
};

/**
 * Names, initials or runs of them, split by dots, dashes or underscores, and perhaps a birth
 * year or a number of one or two digits after them (anna.berg, aberg, annaberg85, anna.berg3,
 * anna.berg1985): what namesakes pick, or are handed as the next free address, at each provider.
 * Three digits or more that are no year (anna_764) are the person's own choice.
 */
function isMadeOfNames(local: string, record: PreparedRecord): boolean {
  const letters = local.replace(/(?:(?:19|20)\d\d|\d{1,2})$/, "");
  if (!/^[a-z._-]+$/.test(letters)) return false;
  const names = [...record.given, ...record.surnameParts];
  return letters.split(/[._-]+/).every((piece) => piece.length > 0 && coveredByNames(piece, names));
}

function coveredByNames(piece: string, names: readonly string[]): boolean {
  if (piece.length === 0) return true;
  for (const name of names) {
    if (piece.startsWith(name) && coveredByNames(piece.slice(name.length), names)) return true;
    const others = names.filter((other) => other !== name);
    if (piece[0] === name[0] && coveredByNames(piece.slice(1), others)) return true;
  }
  return false;
}
