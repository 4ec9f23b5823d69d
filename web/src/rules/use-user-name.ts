import type { UserName } from "./describe-result";
import { useUsers } from "./use-users";

/** Users by name where the reader may list them (administrators); otherwise by id. */
export function useUserName(): UserName {
  const users = useUsers().data;
  return (userId) => users?.find((user) => user.id === userId)?.name ?? userId;
}
