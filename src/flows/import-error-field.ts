/** An address field of a verb's input → the import field (and so the file's column) it came from. */
const ADDRESS_FIELDS: Record<string, string> = { kind: "addressKind" };

/**
 * The import field a fault belongs to, where the verb that refused a row names the path of its own
 * input: an organisation's `emails.0.address` came from the file's e-mail column, a person's or
 * organisation's `address.postalCode` from its postcode column. Named by the import field, the
 * fault is shown under the column the user wrote (the report's `columns`), as every other fault is.
 */
export function importErrorField(field: string): string {
  const address = /^address\.(\w+)$/.exec(field);
  if (address) return ADDRESS_FIELDS[address[1] as string] ?? (address[1] as string);
  if (/^emails\.\d+\.address$/.test(field)) return "email";
  if (/^phones\.\d+\.number$/.test(field)) return "phone";
  return field;
}
