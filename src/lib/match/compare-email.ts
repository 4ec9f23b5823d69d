import type { FieldComparator } from "./field-comparator";
import { firstShared } from "./first-shared";
import type { PreparedRecord } from "./prepare-record";

export const EMAIL_LEVELS = ["exact", "same_local_part", "same_name_local_part", "different", "missing"] as const;

/**
 * "Same local part": anna_764 at one provider and at another. When the shared local part is
 * nothing but the person's names (anna.berg, annaberg85), it is its own level: two namesakes
 * often pick the same one at different providers, so it repeats what the names already said.
 */
export const compareEmail: FieldComparator = {
  field: "email",
  levels: EMAIL_LEVELS,
  compare(a, b) {
    if (a.emails.length === 0 || b.emails.length === 0) return 4;
    if (firstShared(a.emails, b.emails) !== null) return 0;
    const local = firstShared(a.emailLocals, b.emailLocals);
    if (local !== null) return isMadeOfNames(local, a) || isMadeOfNames(local, b) ? 2 : 1;
    return 3;
  },
  display: (record) => (record.emails.length > 0 ? record.emails.join(", ") : null),
};

/**
 * Names, initials or runs of them, split by dots, dashes or underscores, and perhaps a birth
 * year after them (anna.berg, aberg, annaberg85, anna.berg1985): what namesakes born the same
 * year both pick.
 */
function isMadeOfNames(local: string, record: PreparedRecord): boolean {
  const letters = local.replace(/(?:19|20)?\d\d$/, "");
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
