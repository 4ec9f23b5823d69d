import { validSort } from "../register/list-columns";
import {
  listQueryString,
  parseAttributeFilter,
  parseConsentFilter,
  textsOf,
  validFilterTexts,
} from "../register/list-filters";
import { ownerFromQuery, ownerParams, validOwner, withOwnerFilters } from "../register/owner-filter";
import { isLifecycleStage, type LifecycleStage } from "../register/types";

/** The people list's filters, kept in the address so a search can be shared and returned to. */
export interface PeopleSearch {
  q?: string;
  stage?: LifecycleStage;
  city?: string;
  /** Whose customers: a user's id, `team:<id>`, or `none` (see owner-filter). */
  owner?: string;
  /** Custom attribute filters as the API writes them, e.g. `custom.kundniva:eq:Guld`. */
  filter?: string[];
  /** Marketing consent filters, e.g. `marketing:email:granted`. */
  consent?: string[];
  /** The order chosen by a column's header, e.g. `-createdAt` or `custom.kundniva`; by name when absent. */
  sort?: string;
}

/** The orders of the people list besides a custom attribute's, each also with a leading minus. */
const PEOPLE_SORTS = ["name", "createdAt", "birthDate", "lastContactAt", "nextContactAt"] as const;

/** The router reads "070" as text but "4711" as a number; both are search text here. */
const text = (value: unknown) =>
  typeof value === "string" && value.trim() ? value : typeof value === "number" ? String(value) : undefined;

export function validatePeopleSearch(search: Record<string, unknown>): PeopleSearch {
  return {
    q: text(search.q),
    stage: isLifecycleStage(search.stage) ? search.stage : undefined,
    city: text(search.city),
    owner: validOwner(search.owner),
    filter: validFilterTexts(search.filter, parseAttributeFilter),
    consent: validFilterTexts(search.consent, parseConsentFilter),
    sort: validSort(search.sort, PEOPLE_SORTS),
  };
}

/** The list's filters as the API names them, for the list and for the CSV export alike. */
export function peopleQueryParams(search: PeopleSearch): Record<string, string | readonly string[] | undefined> {
  return {
    q: search.q?.trim(),
    lifecycleStage: search.stage,
    city: search.city?.trim(),
    ownerId: ownerParams(search.owner).ownerId,
    filter: withOwnerFilters(search.filter, search.owner),
    consent: search.consent,
    sort: search.sort,
  };
}

/** The export of what the list shows; `semicolon` is the file Swedish Excel opens as columns. */
export function peopleExportHref(search: PeopleSearch, separator?: "semicolon" | "comma"): string {
  const query = listQueryString({
    ...peopleQueryParams(search),
    ...(separator === "semicolon" ? { separator } : {}),
  });
  return query ? `/api/people/export.csv?${query}` : "/api/people/export.csv";
}

/** The list's address from its API query (a saved list's): the reverse of `peopleQueryParams`. */
export function peopleSearchFromQuery(query: Record<string, unknown>): PeopleSearch {
  const { owner, filter } = ownerFromQuery(query.ownerId, textsOf(query.filter));
  return validatePeopleSearch({
    q: query.q,
    stage: query.lifecycleStage,
    city: query.city,
    owner,
    filter,
    consent: query.consent,
    sort: query.sort,
  });
}
