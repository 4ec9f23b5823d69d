import { foldSwedish } from "../se";

/**
 * A name folded for comparison: `foldSwedish` (so Åsa is asa and Björn bjorn), and then the
 * old and foreign spellings of å, ä and ö collapsed too (Aasa, Baeckstroem, Bjoern), which
 * people use when a keyboard or a system lacks the letters.
 */
export function foldName(name: string): string {
  const folded = foldSwedish(name);
  if (!folded.includes("a") && !folded.includes("o")) return folded;
  return folded.replace(/aa|ae|oe/g, (pair) => (pair === "oe" ? "o" : "a"));
}
