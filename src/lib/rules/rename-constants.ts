/** Comparisons whose constants name a choice as a whole; `contains` and `starts_with` name a part. */
const WHOLE_VALUE_OPS = new Set(["eq", "neq", "in", "not_in"]);

const spelling = (value: string) => value.trim().toLowerCase();

/**
 * The condition with a field's choice constants renamed, for when an admin renames a choice:
 * `{ field, op: "eq", value: "guld" }` becomes `"Guld"`, so the rule goes on matching the records
 * whose stored value was renamed with it. Old spellings are matched as the stored values are, in
 * any case and without surrounding blanks. Returns how many constants were renamed.
 */
export function renameConstants(
  condition: unknown,
  field: string,
  renames: ReadonlyMap<string, string>,
): { condition: unknown; renamed: number } {
  const bySpelling = new Map([...renames].map(([from, to]) => [spelling(from), to]));
  let renamed = 0;
  const rename = (value: unknown): unknown => {
    if (typeof value !== "string") return value;
    const to = bySpelling.get(spelling(value));
    if (to === undefined || to === value) return value;
    renamed += 1;
    return to;
  };
  const walk = (node: unknown): unknown => {
    if (typeof node !== "object" || node === null || Array.isArray(node)) return node;
    const record = node as Record<string, unknown>;
    if (Array.isArray(record.all)) return { ...record, all: record.all.map(walk) };
    if (Array.isArray(record.any)) return { ...record, any: record.any.map(walk) };
    if ("not" in record) return { ...record, not: walk(record.not) };
    if (record.field !== field || typeof record.op !== "string" || !WHOLE_VALUE_OPS.has(record.op)) return record;
    const value = Array.isArray(record.value) ? record.value.map(rename) : rename(record.value);
    return { ...record, value };
  };
  const result = walk(condition);
  return { condition: renamed > 0 ? result : condition, renamed };
}
