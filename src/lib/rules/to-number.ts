/**
 * A number field's value as a JS number: drivers return bigint and numeric columns as strings or
 * bigints. Values of up to 15 significant digits keep their order and equality through the
 * conversion, which covers counts and kronor amounts.
 */
export function toNumber(value: unknown): number | null {
  if (typeof value === "number") return value;
  if (typeof value === "bigint") return Number(value);
  if (typeof value === "string" && value.trim() !== "") {
    const number = Number(value);
    return Number.isNaN(number) ? null : number;
  }
  return null;
}
