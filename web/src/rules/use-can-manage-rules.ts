import { useMe } from "../auth/me-query";

/**
 * Whether the signed-in user may create, change, enable and disable rules. Mirrors the server's
 * permission matrix, where everyone else reads rules only; the app spares them the inputs.
 */
export function useCanManageRules(): boolean {
  const { role } = useMe();
  return role === "admin" || role === "marketing";
}
