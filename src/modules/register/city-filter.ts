import { type SQL, sql } from "drizzle-orm";

/** Letters people leave off when they type a town on an English keyboard: "Goteborg", "Malmo". */
const FROM = "åäöéèüæø";
const TO = "aaoeeuao";

/**
 * The list filter on a town: the beginning of its name, in any case and with or without å, ä
 * and ö, so "stock" finds Stockholm and "goteborg" Göteborg.
 */
export function cityStartsWith(column: SQL, city: string): SQL {
  const prefix = `${fold(city).replace(/[\\%_]/g, "\\$&")}%`;
  return sql`translate(lower(${column}), ${FROM}, ${TO}) like ${prefix}`;
}

function fold(text: string): string {
  let folded = text.toLowerCase();
  for (let index = 0; index < FROM.length; index++) folded = folded.replaceAll(FROM[index] ?? "", TO[index] ?? "");
  return folded;
}
