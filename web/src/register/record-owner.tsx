import { useI18n } from "../i18n/use-i18n";
import { useNames } from "./directory";
import type { OwnedRecord } from "./register-access";

/** Who owns the record, by name: the user, the team, or both. */
export function RecordOwner({ owner }: { owner: OwnedRecord }) {
  const { t } = useI18n();
  const names = useNames(t);
  if (owner.ownerId === null && owner.ownerTeamId === null) return <>{t.owner.none}</>;
  return <span data-testid="record-owner">{names?.owner(owner) ?? t.loading}</span>;
}
