import { useMe } from "../auth/me-query";

/**
 * Whether the signed-in user may create sources and traits and decide conflicts. Mirrors the
 * server's permission matrix, which refuses anyone else; the app only spares them the buttons.
 */
export function useCanManageEvents(): boolean {
  const { role } = useMe();
  return role === "admin" || role === "marketing";
}
