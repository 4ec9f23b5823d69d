/**
 * Whose customers a list shows, kept in the address as `owner`: a user's id, `team:<id>` for a
 * team's, or `none` for those nobody is responsible for.
 */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function validOwner(value: unknown): string | undefined {
  if (typeof value !== "string") return undefined;
  if (value === "none" || UUID.test(value)) return value;
  return value.startsWith("team:") && UUID.test(value.slice(5)) ? value : undefined;
}

/** The owner choice as the API's list parameters: `ownerId`, or filters on the owner columns. */
export function ownerParams(owner: string | undefined): { ownerId?: string; filter: string[] } {
  if (!owner) return { filter: [] };
  if (owner === "none") return { filter: ["ownerId:empty", "ownerTeamId:empty"] };
  if (owner.startsWith("team:")) return { filter: [`ownerTeamId:eq:${owner.slice(5)}`] };
  return { ownerId: owner, filter: [] };
}

/** The list's attribute filters and the owner's, as one repeated `filter` parameter. */
export function withOwnerFilters(filters: string[] | undefined, owner: string | undefined): string[] | undefined {
  const all = [...(filters ?? []), ...ownerParams(owner).filter];
  return all.length > 0 ? all : undefined;
}

/**
 * The owner choice and the other filters back from a list's API query (a saved list's): the
 * reverse of `ownerParams` and `withOwnerFilters`.
 */
export function ownerFromQuery(
  ownerId: unknown,
  filters: readonly string[],
): { owner: string | undefined; filter: string[] } {
  const nobody = filters.includes("ownerId:empty") && filters.includes("ownerTeamId:empty");
  const team = filters.find((filter) => filter.startsWith("ownerTeamId:eq:"));
  const owner =
    typeof ownerId === "string"
      ? ownerId
      : nobody
        ? "none"
        : team
          ? `team:${team.slice("ownerTeamId:eq:".length)}`
          : undefined;
  const rest = filters.filter(
    (filter) => !(nobody && (filter === "ownerId:empty" || filter === "ownerTeamId:empty")) && filter !== team,
  );
  return { owner: validOwner(owner), filter: rest };
}
