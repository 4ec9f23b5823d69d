import type { Role, User } from "../api/types";

type Scope = "own" | "team" | "all";

/**
 * Each role's reach when writing in the register, as the server's permission matrix grants it
 * (src/kernel/permissions.ts, ROLE_GRANTS.register.write). The server decides; the app mirrors
 * it only to spare people buttons that would end in a refusal.
 */
const REGISTER_WRITE_SCOPE: Record<Role, Scope | null> = {
  admin: "all",
  marketing: "all",
  support: "all",
  sales: "team",
  read_only: null,
};

export interface OwnedRecord {
  ownerId: string | null;
  ownerTeamId: string | null;
}

type Signed = Pick<User, "id" | "role" | "teamIds">;

/** Whether the user's role may write in the register at all. */
export function mayWriteRegister(user: Signed): boolean {
  return REGISTER_WRITE_SCOPE[user.role] !== null;
}

/**
 * The server's rule for one record (scopeAllows): unowned records are open to anyone who may
 * write; an owned one to its owner, to members of its owning team when the scope is team, and to
 * everyone when it is all.
 */
export function mayWriteRecord(user: Signed, record: OwnedRecord): boolean {
  const scope = REGISTER_WRITE_SCOPE[user.role];
  if (scope === null) return false;
  if (scope === "all") return true;
  if (record.ownerId === null && record.ownerTeamId === null) return true;
  if (record.ownerId === user.id) return true;
  return scope === "team" && record.ownerTeamId !== null && user.teamIds.includes(record.ownerTeamId);
}

/** A task's assignee may close or reopen it whoever owns the customer; others need the customer. */
export function mayChangeTask(user: Signed, assigneeId: string | null, customerWritable: boolean): boolean {
  return customerWritable || (mayWriteRegister(user) && assigneeId !== null && assigneeId === user.id);
}
