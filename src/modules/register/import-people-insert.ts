import { copyRows } from "../../db/bulk";
import { type Ctx, newId } from "../../kernel/ctx";
import { type NormalRow, searchTextOf } from "./import-row";
import { stampLineage } from "./lineage";
import { greetingFor } from "./normalize";
import type { TLineage } from "./schema";

const LINEAGE_TYPES = { source_system: "text", source_external_id: "text", source_received_at: "timestamptz" };

function lineageJson(source: TLineage) {
  return { source_system: source.system, source_external_id: source.externalId, source_received_at: source.receivedAt };
}

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
    {
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
      owner_id: "uuid",
      owner_team_id: "uuid",
      custom: "jsonb",
      lineage: "jsonb",
      search_text: "text",
      created_at: "timestamptz",
      updated_at: "timestamptz",
    },
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
  await copyRows(
    ctx.db,
    "emails",
    {
      id: "uuid",
      person_id: "uuid",
      address: "text",
      canonical: "text",
      kind: "text",
      is_primary: "boolean",
      created_at: "timestamptz",
      ...LINEAGE_TYPES,
    },
    creates.flatMap((row) =>
      row.emails.map((email) => ({
        id: newId(ctx),
        person_id: row.id,
        address: email.address,
        canonical: email.canonical,
        kind: email.kind,
        is_primary: email.isPrimary,
        created_at: at,
        ...lineageJson(source(row)),
      })),
    ),
  );
  await copyRows(
    ctx.db,
    "phones",
    {
      id: "uuid",
      person_id: "uuid",
      e164: "text",
      type: "text",
      kind: "text",
      is_primary: "boolean",
      created_at: "timestamptz",
      ...LINEAGE_TYPES,
    },
    creates.flatMap((row) =>
      row.phones.map((phone) => ({
        id: newId(ctx),
        person_id: row.id,
        e164: phone.e164,
        type: phone.type,
        kind: phone.kind,
        is_primary: phone.isPrimary,
        created_at: at,
        ...lineageJson(source(row)),
      })),
    ),
  );
  await copyRows(
    ctx.db,
    "addresses",
    {
      id: "uuid",
      person_id: "uuid",
      kind: "text",
      street: "text",
      care_of: "text",
      box: "text",
      apartment: "text",
      postal_code: "text",
      city: "text",
      country: "text",
      valid_from: "timestamptz",
      ...LINEAGE_TYPES,
    },
    creates.flatMap((row) =>
      row.address
        ? [
            {
              id: newId(ctx),
              person_id: row.id,
              kind: row.address.kind,
              street: row.address.street,
              care_of: row.address.careOf,
              box: row.address.box,
              apartment: row.address.apartment,
              postal_code: row.address.postalCode,
              city: row.address.city,
              country: row.address.country,
              valid_from: (row.address.validFrom ?? now).toISOString(),
              ...lineageJson(source(row)),
            },
          ]
        : [],
    ),
  );
}
