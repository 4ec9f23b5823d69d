import { validSort } from "../register/list-columns";
import { listQueryString, parseAttributeFilter, textsOf, validFilterTexts } from "../register/list-filters";
import { ownerFromQuery, ownerParams, validOwner, withOwnerFilters } from "../register/owner-filter";

/** The organisation list's filters, kept in the address like the people list's. */
export interface OrganizationsSearch {
  q?: string;
  city?: string;
  /** An organisation whose group (it and every subsidiary under it) the list shows. */
  group?: string;
  /** The order chosen by a column's header, e.g. `-employees` or `custom.kreditgrans`; by name when absent. */
  sort?: string;
  /** Whose customers: a user's id, `team:<id>`, or `none` (see owner-filter). */
  owner?: string;
  /** Custom attribute filters as the API writes them, e.g. `custom.kreditgrans:gt:100000`. */
  filter?: string[];
}

/** The orders of the organisation list besides a custom attribute's, each also with a leading minus. */
const ORGANIZATION_SORTS = [
  "name",
  "employees",
  "revenueSek",
  "people",
  "createdAt",
  "lastContactAt",
  "nextContactAt",
] as const;

const text = (value: unknown) =>
  typeof value === "string" && value.trim() ? value : typeof value === "number" ? String(value) : undefined;

export function validateOrganizationsSearch(search: Record<string, unknown>): OrganizationsSearch {
  return {
    q: text(search.q),
    city: text(search.city),
    group: text(search.group),
    sort: validSort(search.sort, ORGANIZATION_SORTS),
    owner: validOwner(search.owner),
    filter: validFilterTexts(search.filter, parseAttributeFilter),
  };
}

export function organizationsQueryParams(
  search: OrganizationsSearch,
): Record<string, string | readonly string[] | undefined> {
  return {
    q: search.q?.trim(),
    city: search.city?.trim(),
    groupId: search.group?.trim(),
    sort: search.sort,
    ownerId: ownerParams(search.owner).ownerId,
    filter: withOwnerFilters(search.filter, search.owner),
  };
}

/** The export of what the list shows; `semicolon` is the file Swedish Excel opens as columns. */
export function organizationsExportHref(search: OrganizationsSearch, separator?: "semicolon" | "comma"): string {
  const query = listQueryString({
    ...organizationsQueryParams(search),
    ...(separator === "semicolon" ? { separator } : {}),
  });
  return query ? `/api/organizations/export.csv?${query}` : "/api/organizations/export.csv";
}

/** The list's address from its API query (a saved list's): the reverse of `organizationsQueryParams`. */
export function organizationsSearchFromQuery(query: Record<string, unknown>): OrganizationsSearch {
  const { owner, filter } = ownerFromQuery(query.ownerId, textsOf(query.filter));
  return validateOrganizationsSearch({
    q: query.q,
    city: query.city,
    group: query.groupId,
    sort: query.sort,
    owner,
    filter,
  });
}
