import { DEFAULT_LOCALE, type TLocale } from "./locale";

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
  /** The language the user chose, for what the server words for them. */
  locale: TLocale;
}

export interface ApiKeyActor extends ActorBase {
  kind: "api_key";
  apiKeyId: string;
  /** The user the key was issued to: records it creates are owned by that user. */
  userId: string;
  /** The language of the user the key was issued to. */
  locale: TLocale;
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

/** The language of whoever is asking: a user's choice, a key's through its user, the default for the system. */
export function localeOf(actor: Actor): TLocale {
  return actor.kind === "system" ? DEFAULT_LOCALE : actor.locale;
}
