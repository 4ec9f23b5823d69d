import { formatOrganisationsnummer } from "../register/format-identity";
import type { Organization } from "../register/types";
import type { SearchOption } from "../ui/search-select";

/** An organisation as its form holds it: text as typed, numbers as NumberInput gives them. */
export interface OrganizationDraft {
  name: string;
  organisationsnummer: string;
  vatNumber: string;
  sniCode: string;
  industry: string;
  employees: number | string;
  revenueSek: number | string;
  website: string;
  parent: SearchOption | null;
  ownerId: string | null;
  ownerTeamId: string | null;
  /** Custom attributes as their inputs hold them; read by prepareCustomValues when sent. */
  custom: Record<string, unknown>;
}

export const EMPTY_ORGANIZATION: OrganizationDraft = {
  name: "",
  organisationsnummer: "",
  vatNumber: "",
  sniCode: "",
  industry: "",
  employees: "",
  revenueSek: "",
  website: "",
  parent: null,
  ownerId: null,
  ownerTeamId: null,
  custom: {},
};

export function draftOf(organization: Organization): OrganizationDraft {
  return {
    name: organization.name,
    organisationsnummer: organization.organisationsnummer
      ? formatOrganisationsnummer(organization.organisationsnummer)
      : "",
    vatNumber: organization.vatNumber ?? "",
    sniCode: organization.sniCode ?? "",
    industry: organization.industry ?? "",
    employees: organization.employees ?? "",
    revenueSek: organization.revenueSek ?? "",
    website: organization.website ?? "",
    parent: organization.parent ? { value: organization.parent.id, label: organization.parent.name } : null,
    ownerId: organization.ownerId,
    ownerTeamId: organization.ownerTeamId,
    custom: organization.custom,
  };
}

const text = (value: string) => value.trim() || null;
const count = (value: number | string) => (typeof value === "number" ? value : value.trim() ? Number(value) : null);

/** The fields as the API takes them (custom fields aside); an emptied field is null, which clears it. */
export function organizationFields(draft: OrganizationDraft) {
  return {
    name: draft.name,
    organisationsnummer: text(draft.organisationsnummer),
    vatNumber: text(draft.vatNumber),
    sniCode: text(draft.sniCode),
    industry: text(draft.industry),
    employees: count(draft.employees),
    revenueSek: count(draft.revenueSek),
    website: text(draft.website),
    parentId: draft.parent?.value ?? null,
    ownerId: draft.ownerId,
    ownerTeamId: draft.ownerTeamId,
  };
}

/** Only the fields that changed, so the lineage says which ones this edit set. */
export function organizationChanges(before: OrganizationDraft, after: OrganizationDraft): Record<string, unknown> {
  const old = organizationFields(before);
  const changed: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(organizationFields(after))) {
    if (value !== old[field as keyof typeof old]) changed[field] = value;
  }
  return changed;
}

export const ORGANIZATION_FIELDS = [
  "name",
  "organisationsnummer",
  "vatNumber",
  "sniCode",
  "industry",
  "employees",
  "revenueSek",
  "website",
  "parentId",
  "ownerId",
  "ownerTeamId",
];
