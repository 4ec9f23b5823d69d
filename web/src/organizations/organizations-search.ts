/** The organisation list's filters, kept in the address like the people list's. */
export interface OrganizationsSearch {
  q?: string;
  city?: string;
}

const text = (value: unknown) =>
  typeof value === "string" && value.trim() ? value : typeof value === "number" ? String(value) : undefined;

export function validateOrganizationsSearch(search: Record<string, unknown>): OrganizationsSearch {
  return { q: text(search.q), city: text(search.city) };
}

export function organizationsQueryParams(search: OrganizationsSearch): Record<string, string | undefined> {
  return { q: search.q?.trim(), city: search.city?.trim() };
}

export function organizationsExportHref(search: OrganizationsSearch): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(organizationsQueryParams(search))) if (value) params.set(name, value);
  const query = params.toString();
  return query ? `/api/organizations/export.csv?${query}` : "/api/organizations/export.csv";
}
