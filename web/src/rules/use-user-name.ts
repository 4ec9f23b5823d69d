import { useI18n } from "../i18n/use-i18n";
import type { UserName } from "./describe-result";
import { useUsers } from "./use-users";

/** Users by name; one no longer in the directory (deactivated) reads as a former user. */
export function useUserName(): UserName {
  const { t } = useI18n();
  const users = useUsers();
  return (userId) =>
    users.data?.find((user) => user.id === userId)?.name ?? (users.isSuccess ? t.owner.formerUser : userId);
}
