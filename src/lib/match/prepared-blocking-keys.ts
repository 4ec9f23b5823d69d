import type { PreparedRecord } from "./prepare-record";

/**
 * The blocks a record is filed under. Each rule catches duplicates the others miss:
 * - the personnummer;
 * - the birth date with the first two letters of any name (nicknames read as the name, the
 *   surname included, so swapped names still meet), for records where one side lacks the
 *   personnummer or has it mistyped;
 * - the street address; every e-mail, its local part, and every phone;
 * - surname and preferred name with the town, and with the birth year, ordered so a swapped
 *   pair still meets: for records without personnummer after a move or with a mistyped day.
 * Keys are written into `out` to spare an allocation per record.
 */
export function preparedBlockingKeys(record: PreparedRecord, out: string[]): string[] {
  out.length = 0;
  if (record.personnummer !== null) out.push(`p:${record.personnummer}`);
  if (record.birthDate !== null) {
    for (const name of record.canonical) pushUnique(out, `b:${record.birthDate}:${name.slice(0, 2)}`);
    for (const name of record.surnameParts) pushUnique(out, `b:${record.birthDate}:${name.slice(0, 2)}`);
  }
  if (record.street !== null && record.postnummer !== null) out.push(`a:${record.postnummer}:${record.street}`);
  for (const email of record.emails) out.push(`e:${email}`);
  for (const local of record.emailLocals) if (local.length >= 4) pushUnique(out, `l:${local}`);
  for (const phone of record.phones) out.push(`t:${phone}`);
  const town = record.city ?? record.postnummer?.slice(0, 3) ?? null;
  const year = record.birthDate?.slice(0, 4) ?? null;
  if (town === null && year === null) return out;
  for (const surname of record.surnameParts) {
    for (const name of record.callCanonical) {
      const names = surname < name ? `${surname}:${name}` : `${name}:${surname}`;
      if (town !== null) pushUnique(out, `n:${names}:${town}`);
      if (year !== null) pushUnique(out, `y:${names}:${year}`);
    }
  }
  return out;
}

function pushUnique(out: string[], key: string): void {
  if (!out.includes(key)) out.push(key);
}
