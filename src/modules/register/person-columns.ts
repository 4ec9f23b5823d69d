import { RECORD_COLUMN_TYPES, recordColumns } from "./record-columns";
import type { people } from "./schema";

/**
 * The person columns a batch writes with one statement (new people, and changes to known ones),
 * each with its PostgreSQL type; `personColumns` gives a row's values by them.
 */
export const PERSON_COLUMN_TYPES = {
  id: "uuid",
  given_names: "text",
  preferred_name_parts: "smallint[]",
  greeting_name: "text",
  greeting_uncertain: "boolean",
  surname: "text",
  personnummer: "text",
  personnummer_kind: "text",
  birth_date: "date",
  language: "text",
  lifecycle_stage: "text",
  ...RECORD_COLUMN_TYPES,
} as const;

export function personColumns(row: typeof people.$inferSelect): Record<string, unknown> {
  return {
    id: row.id,
    given_names: row.givenNames,
    preferred_name_parts: row.preferredNameParts,
    greeting_name: row.greetingName,
    greeting_uncertain: row.greetingUncertain,
    surname: row.surname,
    personnummer: row.personnummer,
    personnummer_kind: row.personnummerKind,
    birth_date: row.birthDate,
    language: row.language,
    lifecycle_stage: row.lifecycleStage,
    ...recordColumns(row),
  };
}
