import type { Locale } from "../i18n/locale";

export const ROLES = ["admin", "sales", "marketing", "support", "read_only"] as const;
export type Role = (typeof ROLES)[number];

/** Timestamps arrive as ISO 8601 strings. */
export interface User {
  id: string;
  email: string;
  name: string;
  role: Role;
  locale: Locale;
  active: boolean;
  teamIds: string[];
  createdAt: string;
  updatedAt: string;
}

export interface Team {
  id: string;
  name: string;
  memberIds: string[];
  createdAt: string;
}

/** What a user holds in their own name (GET /api/users/:id/holdings). */
export interface UserHoldings {
  people: number;
  organizations: number;
  openTasks: number;
  openCases: number;
}

/** What keeps a team from being deleted, as the server counts it when it refuses. */
export interface TeamHoldings {
  people: number;
  organizations: number;
  openCases: number;
  rules: number;
}

export interface ApiKey {
  id: string;
  name: string;
  prefix: string;
  userId: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export interface AuditEntry {
  id: string;
  at: string;
  actorLabel: string;
  action: string;
  entity: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
}

export interface Items<T> {
  items: T[];
}

export interface CursorPage<T> extends Items<T> {
  nextCursor: string | null;
}

export function isRole(value: unknown): value is Role {
  return ROLES.includes(value as Role);
}
