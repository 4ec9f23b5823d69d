export const ROLES = ["admin", "sales", "marketing", "support", "read_only"] as const;
export type TRole = (typeof ROLES)[number];

interface ActorBase {
  /** Shown in the audit log: an e-mail, a key name, or the system job. */
  label: string;
  role: TRole;
  teamIds: readonly string[];
}

export interface UserActor extends ActorBase {
  kind: "user";
  userId: string;
  sessionId?: string;
}

export interface ApiKeyActor extends ActorBase {
  kind: "api_key";
  apiKeyId: string;
  /** The user the key was issued to: records it creates are owned by that user. */
  userId: string;
}

export interface SystemActor extends ActorBase {
  kind: "system";
}

export type Actor = UserActor | ApiKeyActor | SystemActor;

export function systemActor(label: string): SystemActor {
  return { kind: "system", label, role: "admin", teamIds: [] };
}

/** The user on whose behalf a write happens, or null for the system itself. */
export function actingUserId(actor: Actor): string | null {
  return actor.kind === "system" ? null : actor.userId;
}

export function actorId(actor: Actor): string | null {
  if (actor.kind === "user") return actor.userId;
  if (actor.kind === "api_key") return actor.apiKeyId;
  return null;
}
