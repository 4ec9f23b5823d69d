import type { User } from "../api/types";

/**
 * Mirrors the server (docs/access.md): the privacy export holds everything on a person, so it
 * needs a role that reads all of it; erasure removes all of it, so it needs that and register
 * write. The server refuses the others; the app only spares them actions that would fail.
 */
const READS_EVERYTHING: ReadonlyArray<User["role"]> = ["admin", "marketing", "support", "read_only"];

export const mayExportPersonData = (role: User["role"]): boolean => READS_EVERYTHING.includes(role);

export const mayErasePerson = (role: User["role"]): boolean => mayExportPersonData(role) && role !== "read_only";
