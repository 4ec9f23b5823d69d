import { copyRows } from "../../db/bulk";
import type { Ctx } from "../../kernel/ctx";
import { type NormalRow, searchTextOf } from "./import-row";
import { insertContactPoints } from "./insert-contact-points";
import { stampLineage } from "./lineage";
import { greetingFor } from "./normalize";
import { PERSON_COLUMN_TYPES } from "./person-columns";
import type { TLineage } from "./schema";

/** New people of a batch, written with one statement per table (see copyRows). */
export async function insertCreatedPeople(
  ctx: Ctx,
  creates: Array<NormalRow & { id: string; externalId: string | null }>,
  source: (row: NormalRow) => TLineage,
  system: string,
  now: Date,
): Promise<void> {
  const at = now.toISOString();
  await copyRows(
    ctx.db,
    "people",
    PERSON_COLUMN_TYPES,
    creates.map((row) => {
      const greeting = greetingFor(row.givenNames, row.preferred);
      return {
        id: row.id,
        given_names: row.givenNames,
        preferred_name_parts: row.preferred,
        greeting_name: greeting.name,
        greeting_uncertain: greeting.uncertain,
        surname: row.surname,
        personnummer: row.personnummer?.personnummer ?? null,
        personnummer_kind: row.personnummer?.personnummerKind ?? null,
        birth_date: row.personnummer?.birthDate ?? row.birthDate,
        language: row.language ?? "sv",
        lifecycle_stage: row.lifecycleStage ?? "interested",
        owner_id: row.ownerId,
        owner_team_id: row.ownerTeamId,
        custom: row.custom,
        lineage: stampLineage({}, row.fields, source(row)),
        search_text: searchTextOf(row, greeting.name),
        created_at: at,
        updated_at: at,
      };
    }),
  );
  await copyRows(
    ctx.db,
    "external_ids",
    { system: "text", external_id: "text", entity: "text", entity_id: "uuid", received_at: "timestamptz" },
    creates
      .flatMap((row) => (row.externalId === null ? [] : [row]))
      .map((row) => ({
        system,
        external_id: row.externalId,
        entity: "person",
        entity_id: row.id,
        received_at: at,
      })),
  );
  await insertContactPoints(
    ctx,
    "person_id",
    creates.map((row) => ({
      ownerId: row.id,
      emails: row.emails,
      phones: row.phones,
      address: row.address,
      source: source(row),
    })),
    now,
  );
}
