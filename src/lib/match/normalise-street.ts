import { foldSwedish } from "../se";

// Abbreviations as people write them on forms and envelopes, after lower-casing.
const ABBREVIATIONS: ReadonlyArray<readonly [RegExp, string]> = [
  [/g\.(?=\s|\d|$)/gu, "gatan "],
  [/v\.(?=\s|\d|$)/gu, "vägen "],
];

/**
 * A street address reduced to a key two spellings of the same address share: folded (Storgatan,
 * STORGATAN and Storgåtan agree), abbreviations written out ("Storg. 12" is "storgatan 12"),
 * words run together ("Stor gatan") and the short forms gata and väg read as gatan and vägen.
 * The house number and its letter are kept; a flat number after them (lgh 1102) is dropped.
 * Returns null when nothing usable is left.
 */
export function normaliseStreet(street: string): string | null {
  let lower = street.toLowerCase();
  for (const [pattern, replacement] of ABBREVIATIONS) lower = lower.replace(pattern, replacement);
  const match = /^(\D*?)\s*(\d+)\s*([a-z](?![a-z]))?/u.exec(lower);
  const namePart = match ? (match[1] ?? "") : lower;
  let name = foldSwedish(namePart).replace(/ /g, "");
  if (name.endsWith("gata")) name += "n";
  else if (name.endsWith("vag")) name += "en";
  if (name.length === 0) return null;
  if (!match) return name;
  return `${name} ${match[2]}${match[3] ?? ""}`;
}
