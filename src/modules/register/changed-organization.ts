import type { z } from "zod";
import type { FieldErrors } from "../../kernel/field-errors";
import type { TCustomAttribute } from "./custom-attribute-definition";
import { validateCustomValues } from "./custom-values";
import type { ZUpdateOrganizationInput } from "./inputs";
import { stampLineage } from "./lineage";
import { normalizeSniCode } from "./normalize";
import { normalizeWebsite } from "./normalize-website";
import { cleanOrganizationName, organizationIdentity, organizationSearchText } from "./organization-fields";
import type { organizations, TLineage } from "./schema";

type TOrganizationRow = typeof organizations.$inferSelect;

/**
 * An organisation's row as a change leaves it, without a statement: each field the change names
 * checked and normalised (faults go to `errors`), the others kept, the named ones stamped with
 * the source. Checks against the rest of the register (a number another holds, a parent) are
 * the caller's: one change asks once, an import's batch for all its rows.
 */
export function changedOrganization(
  row: TOrganizationRow,
  data: Omit<z.output<typeof ZUpdateOrganizationInput>, "source">,
  definitions: readonly TCustomAttribute[],
  errors: FieldErrors,
  source: TLineage,
  now: Date,
): TOrganizationRow {
  const identity = organizationIdentity(
    {
      organisationsnummer: data.organisationsnummer === undefined ? row.organisationsnummer : data.organisationsnummer,
      vatNumber:
        data.vatNumber === undefined ? (data.organisationsnummer === undefined ? row.vatNumber : null) : data.vatNumber,
      // Checked against the name only when either changes: an old record stays editable.
      ...(data.name !== undefined || data.organisationsnummer !== undefined ? { name: data.name ?? row.name } : {}),
    },
    errors,
  );
  const website = normalizeWebsite(data.website, "website", errors);
  const sniCode = normalizeSniCode(data.sniCode, "sniCode", errors);
  const custom = { ...row.custom };
  if (data.custom !== undefined) {
    Object.assign(custom, validateCustomValues(definitions, data.custom, errors, { requireAll: false }));
    for (const [key, value] of Object.entries(custom)) if (value === null) delete custom[key];
  }
  const name = data.name ? cleanOrganizationName(data.name) : row.name;
  const stored = website === undefined ? row.website : website;
  return {
    ...row,
    name,
    ...identity,
    ...(sniCode !== undefined ? { sniCode } : {}),
    ...(data.industry !== undefined ? { industry: data.industry } : {}),
    ...(data.employees !== undefined ? { employees: data.employees } : {}),
    ...(data.revenueSek !== undefined ? { revenueSek: data.revenueSek } : {}),
    ...(data.parentId !== undefined ? { parentId: data.parentId } : {}),
    ...(data.ownerId !== undefined ? { ownerId: data.ownerId } : {}),
    ...(data.ownerTeamId !== undefined ? { ownerTeamId: data.ownerTeamId } : {}),
    website: stored,
    custom,
    lineage: stampLineage(
      row.lineage,
      Object.keys(data).filter((key) => data[key as keyof typeof data] !== undefined),
      source,
    ),
    searchText: organizationSearchText(name, identity, stored),
    updatedAt: now,
  };
}
