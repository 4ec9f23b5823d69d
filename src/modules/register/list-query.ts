import { z } from "zod";
import type { TFilter } from "./filters";
import { type TListOrganizationsInput, ZListOrganizationsInput } from "./list-organizations";
import { type TListPeopleInput, ZListPeopleInput } from "./list-people";
import type { TConsentFilter } from "./person-filters";

/**
 * The lists' filters as a query string (and the CLI's options) write them: `filter=field:op:value`
 * and `consent=purpose:channel:status`, each repeatable. The list and its CSV export take the
 * same parameters, and refuse one they do not know: an export of the whole register because of
 * a misspelt parameter is a leak.
 */
const repeatable = (example: string) =>
  z
    .union([z.string().max(500), z.array(z.string().max(500)).max(20)])
    .optional()
    .describe(`${example}; repeat for several`);

const ZFilterParam = repeatable(
  "field:op:value, e.g. custom.tier:eq:gold, lifecycleStage:eq:lead or birthDate:lt:1980-01-01 (ops: eq ne gt gte lt lte contains not_contains empty not_empty)",
);

export const ZPeopleListQuery = ZListPeopleInput.omit({ filters: true, consents: true })
  .extend({
    filter: ZFilterParam,
    consent: repeatable("purpose:channel:status, e.g. marketing:email:granted (status: granted, withdrawn, none)"),
  })
  .strict();
export type TPeopleListQuery = z.input<typeof ZPeopleListQuery>;

/** The export takes every filter of the list, and no paging. */
export const ZPeopleExportQuery = ZPeopleListQuery.omit({ limit: true, cursor: true }).strict();

export const ZOrganizationsListQuery = ZListOrganizationsInput.omit({ filters: true })
  .extend({ filter: ZFilterParam })
  .strict();
export type TOrganizationsListQuery = z.input<typeof ZOrganizationsListQuery>;

export const ZOrganizationsExportQuery = ZOrganizationsListQuery.omit({ limit: true, cursor: true }).strict();

const listOf = (value: string | string[] | undefined) =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];

/** `custom.tier:eq:gold` → { field, op, value }; the value may itself hold colons (a time). */
export function parseFilterParams(filter: string | string[] | undefined): TFilter[] {
  return listOf(filter).map((entry) => {
    const [field = "", op = "", ...rest] = entry.split(":");
    return { field, op, ...(rest.length ? { value: rest.join(":") } : {}) } as TFilter;
  });
}

export function parseConsentParams(consent: string | string[] | undefined): TConsentFilter[] {
  return listOf(consent).map((entry) => {
    const [purpose = "", channel = "", status = "", ...rest] = entry.split(":");
    // A fourth part is refused by the strict schema rather than read as part of the status.
    return { purpose, channel, status, ...(rest.length ? { extra: rest.join(":") } : {}) } as TConsentFilter;
  });
}

export function peopleListInput(query: TPeopleListQuery): TListPeopleInput {
  const { filter, consent, ...rest } = query;
  return { ...rest, filters: parseFilterParams(filter), consents: parseConsentParams(consent) };
}

export function organizationsListInput(query: TOrganizationsListQuery): TListOrganizationsInput {
  const { filter, ...rest } = query;
  return { ...rest, filters: parseFilterParams(filter) };
}

/**
 * A fault the list names in its parsed input (`filters.0.field`), as the query string names it
 * (`filter.0`): for a request that holds the query, e.g. a bulk change's `match`.
 */
export function listQueryField(field: string): string {
  return field.replace(/^filters\.(\d+)(\..*)?$/, "filter.$1").replace(/^consents\.(\d+)(\..*)?$/, "consent.$1");
}
