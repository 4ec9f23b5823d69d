import type { Ctx } from "../kernel/ctx";
import { lastContactTimes, lastOrganizationContactTimes } from "../modules/activities";
import { contactsDue, organizationsOfPeople, setLastContacts, setOrganizationContacts } from "../modules/register";

const ids = (list: ReadonlyArray<string | null | undefined>) => [
  ...new Set(list.filter((id): id is string => typeof id === "string")),
];

/**
 * The register keeps when each person and company was last called, met or e-mailed, so a list
 * can be ordered and filtered by it ("not contacted since August"); the activities decide it.
 * Read again from them after anything that adds, moves or removes activities or changes who
 * works where: recounted rather than nudged, it cannot drift. A contact booked ahead (a meeting
 * next week) is not contact yet: it is kept as the next contact until its time comes. The companies the people work or
 * worked at follow them; `organizationIds` names others (an activity logged on a company, a
 * role that ended, the companies of someone about to be erased).
 */
export async function refreshLastContact(
  ctx: Ctx,
  personIds: ReadonlyArray<string | null | undefined>,
  organizationIds: ReadonlyArray<string | null | undefined> = [],
): Promise<void> {
  const people = ids(personIds);
  if (people.length > 0) await setLastContacts(ctx, await lastContactTimes(ctx, people));
  const companies = ids([...organizationIds, ...(await organizationsOfPeople(ctx, people))]);
  if (companies.length > 0) await setOrganizationContacts(ctx, await lastOrganizationContactTimes(ctx, companies));
}

/**
 * A call or meeting booked ahead becomes contact when its time comes: the people and companies
 * whose next contact has come are read again (run every minute by the `register.contacts_due`
 * job). Returns how many records were read again.
 */
export async function refreshDueContacts(ctx: Ctx): Promise<number> {
  let refreshed = 0;
  // Each round moves every record it reads past now, so the rounds end; the cap is for safety.
  for (let round = 0; round < 100; round++) {
    const due = await contactsDue(ctx, 500);
    if (due.personIds.length === 0 && due.organizationIds.length === 0) break;
    await refreshLastContact(ctx, due.personIds, due.organizationIds);
    refreshed += due.personIds.length + due.organizationIds.length;
  }
  return refreshed;
}
