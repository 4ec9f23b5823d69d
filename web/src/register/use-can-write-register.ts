import { useMe } from "../auth/me-query";

/**
 * Whether the signed-in user may change people and organisations, merges included. Mirrors the
 * server's permission matrix, which refuses read-only users; the app only spares them the buttons.
 */
export function useCanWriteRegister(): boolean {
  return useMe().role !== "read_only";
}
