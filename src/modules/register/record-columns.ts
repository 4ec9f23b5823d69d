/** The columns people and organisations share, with their PostgreSQL types, for batch writes. */
export const RECORD_COLUMN_TYPES = {
  owner_id: "uuid",
  owner_team_id: "uuid",
  custom: "jsonb",
  lineage: "jsonb",
  search_text: "text",
  created_at: "timestamptz",
  updated_at: "timestamptz",
} as const;

/** A person's or organisation's values of those columns. */
export function recordColumns(row: {
  ownerId: string | null;
  ownerTeamId: string | null;
  custom: Record<string, unknown>;
  lineage: Record<string, unknown>;
  searchText: string;
  createdAt: Date;
  updatedAt: Date;
}) {
  return {
    owner_id: row.ownerId,
    owner_team_id: row.ownerTeamId,
    custom: row.custom,
    lineage: row.lineage,
    search_text: row.searchText,
    created_at: row.createdAt,
    updated_at: row.updatedAt,
  };
}
