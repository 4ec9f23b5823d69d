import type { Actor, TRole } from "./actor";
import { AppError } from "./errors";

/** The areas of the product a role is granted access to; each module names the area it guards. */
export const AREAS = [
  "register",
  "events",
  "rules",
  "sales",
  "marketing",
  "support",
  "journeys",
  "access",
  "audit",
] as const;
export type TArea = (typeof AREAS)[number];

/** Record-level reach: only records one owns, those owned within one's teams, or all. */
export type TScope = "own" | "team" | "all";
export type TAction = "read" | "write";

type Grant = Partial<Record<TAction, TScope>>;

const everything = (scope: TScope): Grant => ({ read: scope, write: scope });
const readAll: Grant = { read: "all" };

/**
 * The default permission matrix. Sales writes its own pipeline but reads everyone's customers;
 * support owns cases within its team; only admins manage access and read the audit log.
 */
export const ROLE_GRANTS: Record<TRole, Partial<Record<TArea, Grant>>> = {
  admin: Object.fromEntries(AREAS.map((area) => [area, everything("all")])),
  sales: {
    register: { read: "all", write: "team" },
    sales: { read: "team", write: "own" },
    events: readAll,
    rules: readAll,
    marketing: readAll,
    support: readAll,
    journeys: readAll,
  },
  marketing: {
    register: everything("all"),
    events: everything("all"),
    rules: everything("all"),
    marketing: everything("all"),
    journeys: everything("all"),
    sales: readAll,
    support: readAll,
  },
  support: {
    register: everything("all"),
    support: { read: "all", write: "team" },
    events: readAll,
    rules: readAll,
    sales: readAll,
    marketing: readAll,
    journeys: readAll,
  },
  read_only: {
    register: readAll,
    events: readAll,
    rules: readAll,
    sales: readAll,
    marketing: readAll,
    support: readAll,
    journeys: readAll,
  },
};

export function grantedScope(actor: Actor, area: TArea, action: TAction): TScope | null {
  if (actor.kind === "system") return "all";
  return ROLE_GRANTS[actor.role][area]?.[action] ?? null;
}

/** Throws `forbidden` unless the actor may act in the area at all; returns the record scope. */
export function authorize(actor: Actor, area: TArea, action: TAction): TScope {
  const scope = grantedScope(actor, area, action);
  if (!scope) {
    throw new AppError("forbidden", `Your role may not ${action} ${area}`, {
      extra: { area, action, role: actor.role },
    });
  }
  return scope;
}

export interface OwnedRecord {
  ownerId: string | null;
  ownerTeamId?: string | null;
}

export function scopeAllows(actor: Actor, scope: TScope, record: OwnedRecord): boolean {
  if (scope === "all" || actor.kind === "system") return true;
  if (record.ownerId !== null && record.ownerId === actor.userId) return true;
  if (scope === "team" && record.ownerTeamId && actor.teamIds.includes(record.ownerTeamId)) {
    return true;
  }
  return false;
}
