import { sql } from "drizzle-orm";
import { queryRows } from "../../db/rows";
import type { Ctx } from "../../kernel/ctx";
import { authorize } from "../../kernel/permissions";
import type { ADDRESS_KINDS } from "./schema";

/** The current address an export shows: the one of the kind a re-import writes, else the latest. */
export interface TExportAddress {
  kind: (typeof ADDRESS_KINDS)[number];
  careOf: string | null;
  street: string | null;
  box: string | null;
  apartment: string | null;
  postalCode: string | null;
  city: string | null;
  country: string;
}

/** What an export of people adds to the list's columns, so an edited file can be imported back. */
export interface TPersonExportDetails {
  /** The marked preferred given name(s); empty when none is marked (one name, or a guess). */
  preferredGivenName: string | null;
  birthDate: string | null;
  language: string;
  address: TExportAddress | null;
}

export interface TOrganizationExportDetails {
  vatNumber: string | null;
  revenueSek: number | null;
  website: string | null;
  ownerId: string | null;
  ownerTeamId: string | null;
  custom: Record<string, unknown>;
  address: TExportAddress | null;
}

interface AddressRow {
  owner_id: string;
  kind: TExportAddress["kind"];
  care_of: string | null;
  street: string | null;
  box: string | null;
  apartment: string | null;
  postal_code: string | null;
  city: string | null;
  country: string;
}

/**
 * The current address of each record: of the given kind if it has one (a person's home, an
 * organisation's visiting address, the kinds an import writes), else the most recent one.
 */
async function currentAddresses(
  ctx: Ctx,
  entity: "person" | "organization",
  ids: readonly string[],
): Promise<Map<string, TExportAddress>> {
  const column = entity === "person" ? sql`person_id` : sql`organization_id`;
  const preferred = entity === "person" ? "home" : "visiting";
  const rows = await queryRows<AddressRow>(
    ctx.db,
    sql`select distinct on (${column}) ${column} as owner_id, kind, care_of, street, box, apartment, postal_code, city, country
      from addresses where ${column} in ${ids} and valid_to is null
      order by ${column}, kind = ${preferred} desc, valid_from desc`,
  );
  return new Map(
    rows.map((row) => [
      row.owner_id,
      {
        kind: row.kind,
        careOf: row.care_of,
        street: row.street,
        box: row.box,
        apartment: row.apartment,
        postalCode: row.postal_code,
        city: row.city,
        country: row.country,
      },
    ]),
  );
}

/** Export columns of a page of people, read in two statements for the whole page. */
export async function personExportDetails(
  ctx: Ctx,
  ids: readonly string[],
): Promise<Map<string, TPersonExportDetails>> {
  authorize(ctx.actor, "register", "read");
  if (ids.length === 0) return new Map();
  const rows = await queryRows<{
    id: string;
    greeting_name: string;
    marked: boolean;
    birth_date: string | Date | null;
    language: string;
  }>(
    ctx.db,
    sql`select id, greeting_name, preferred_name_parts is not null as marked, birth_date::text as birth_date, language from people where id in ${ids}`,
  );
  const addresses = await currentAddresses(ctx, "person", ids);
  return new Map(
    rows.map((row) => [
      row.id,
      {
        preferredGivenName: row.marked ? row.greeting_name : null,
        birthDate: row.birth_date === null ? null : String(row.birth_date),
        language: row.language,
        address: addresses.get(row.id) ?? null,
      },
    ]),
  );
}

/** Export columns of a page of organisations, read in two statements for the whole page. */
export async function organizationExportDetails(
  ctx: Ctx,
  ids: readonly string[],
): Promise<Map<string, TOrganizationExportDetails>> {
  authorize(ctx.actor, "register", "read");
  if (ids.length === 0) return new Map();
  const rows = await queryRows<{
    id: string;
    vat_number: string | null;
    revenue_sek: string | number | null;
    website: string | null;
    owner_id: string | null;
    owner_team_id: string | null;
    custom: Record<string, unknown>;
  }>(
    ctx.db,
    sql`select id, vat_number, revenue_sek, website, owner_id, owner_team_id, custom from organizations where id in ${ids}`,
  );
  const addresses = await currentAddresses(ctx, "organization", ids);
  return new Map(
    rows.map((row) => [
      row.id,
      {
        vatNumber: row.vat_number,
        revenueSek: row.revenue_sek === null ? null : Number(row.revenue_sek),
        website: row.website,
        ownerId: row.owner_id,
        ownerTeamId: row.owner_team_id,
        custom: row.custom,
        address: addresses.get(row.id) ?? null,
      },
    ]),
  );
}
