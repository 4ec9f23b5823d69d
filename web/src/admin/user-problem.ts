import { ApiProblem } from "../api/api-problem";
import { problemMessage } from "../i18n/problem-message";
import type { Messages } from "../i18n/sv";

/**
 * The server's reasons for refusing a change to a user, in words: not oneself, not the last
 * administrator, not while customers are still in their name. Anything else reads as usual.
 */
export function userProblem(error: unknown, t: Messages): string {
  const reasons: Record<string, string> = {
    own_account: t.userAdmin.ownAccount,
    last_admin: t.userAdmin.lastAdmin,
    owns_records: t.userAdmin.ownsRecords,
  };
  if (error instanceof ApiProblem) {
    const known = error.errors.find((fault) => reasons[fault.code]);
    if (known) return reasons[known.code] ?? known.message;
  }
  return problemMessage(error, t);
}

/** "2 personer, 1 organisation och 3 öppna uppgifter": only what there is. */
export function holdingsText(
  holdings: { people: number; organizations: number; openTasks: number; openCases: number },
  t: Messages,
): string {
  const words = t.userAdmin;
  const parts = [
    holdings.people > 0 ? words.people(holdings.people) : null,
    holdings.organizations > 0 ? words.organizations(holdings.organizations) : null,
    holdings.openTasks > 0 ? words.openTasks(holdings.openTasks) : null,
    holdings.openCases > 0 ? words.openCases(holdings.openCases) : null,
  ].filter((part): part is string => part !== null);
  if (parts.length <= 1) return parts.join("");
  return `${parts.slice(0, -1).join(", ")} ${words.and} ${parts.at(-1)}`;
}
