import type { organizations } from "./schema";

/**
 * The organisation columns a batch writes with one statement (new companies, and changes to
 * known ones), each with its PostgreSQL type; `organizationColumns` gives a row's values by them.
 */
export const ORGANIZATION_COLUMN_TYPES = {
  id: "uuid",
  name: "text",
  organisationsnummer: "text",
  group_digit: "smallint",
  legal_form: "text",
  vat_number: "text",
  sni_code: "text",
  industry: "text",
  employees: "integer",
  revenue_sek: "bigint",
  website: "text",
  parent_id: "uuid",
  owner_id: "uuid",
  owner_team_id: "uuid",
  custom: "jsonb",
  lineage: "jsonb",
  search_text: "text",
  created_at: "timestamptz",
  updated_at: "timestamptz",
} as const;

export function organizationColumns(row: typeof organizations.$inferSelect): Record<string, unknown> {
  return {
    id: row.id,
    name: row.name,
    organisationsnummer: row.organisationsnummer,
    group_digit: row.groupDigit,
    legal_form: row.legalForm,
    vat_number: row.vatNumber,
    sni_code: row.sniCode,
    industry: row.industry,
    employees: row.employees,
    revenue_sek: row.revenueSek,
    website: row.website,
    parent_id: row.parentId,
    owner_id: row.ownerId,
    owner_team_id: row.ownerTeamId,
    custom: row.custom,
    lineage: row.lineage,
    search_text: row.searchText,
    created_at: row.createdAt,
    updated_at: row.updatedAt,
  };
}
