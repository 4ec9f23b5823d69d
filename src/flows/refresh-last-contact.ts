import type { Ctx } from "../kernel/ctx";
import { lastContactTimes } from "../modules/activities";
import { setLastContacts } from "../modules/register";

/**
 * The register keeps when each person was last called, met or e-mailed, so a list can be ordered
 * and filtered by it ("not contacted since August"); the activities decide it. Read again from
 * them after anything that adds, moves or removes a person's activities: recounted rather than
 * nudged, it cannot drift.
 */
export async function refreshLastContact(ctx: Ctx, personIds: ReadonlyArray<string | null | undefined>): Promise<void> {
  const ids = personIds.filter((id): id is string => typeof id === "string");
  if (ids.length === 0) return;
  await setLastContacts(ctx, await lastContactTimes(ctx, ids));
}
