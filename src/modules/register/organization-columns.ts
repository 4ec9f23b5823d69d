import { RECORD_COLUMN_TYPES, recordColumns } from "./record-columns";
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
  ...RECORD_COLUMN_TYPES,
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
    ...recordColumns(row),
  };
}
