import type { Ctx } from "../kernel/ctx";
import { withTransaction } from "../kernel/ctx";
import { parseInput } from "../kernel/validate";
import { assertAssignable } from "../modules/access";
import {
  createOrganization,
  createPerson,
  type TCreateOrganizationInput,
  type TCreatePersonInput,
  type TOrganizationDetail,
  type TPerson,
  type TUpdateOrganizationInput,
  type TUpdatePersonInput,
  updateOrganization,
  updatePerson,
  ZCreateOrganizationInput,
  ZCreatePersonInput,
  ZUpdateOrganizationInput,
  ZUpdatePersonInput,
} from "../modules/register";

/**
 * A customer given to a seller or a team must reach them: the register stores the ids, the access
 * module knows whether the team exists and the seller is an active user. Before, a deactivated
 * seller could be made responsible, and the customer had nobody.
 */
async function assertOwners(tx: Ctx, data: { ownerId?: string | null; ownerTeamId?: string | null }): Promise<void> {
  await assertAssignable(tx, [
    { field: "ownerId", userId: data.ownerId },
    { field: "ownerTeamId", teamId: data.ownerTeamId },
  ]);
}

/** Checks whom a write makes responsible, then makes it, in one transaction. */
function withOwnersChecked<T>(
  ctx: Ctx,
  data: { ownerId?: string | null; ownerTeamId?: string | null },
  write: (tx: Ctx) => Promise<T>,
): Promise<T> {
  return withTransaction(ctx, async (tx) => {
    await assertOwners(tx, data);
    return write(tx);
  });
}

// Each input is parsed first, so a malformed id is named as the field at fault before it is looked up.
export function createPersonChecked(ctx: Ctx, input: TCreatePersonInput): Promise<TPerson> {
  const data = parseInput(ZCreatePersonInput, input);
  return withOwnersChecked(ctx, data, (tx) => createPerson(tx, data));
}

export function updatePersonChecked(ctx: Ctx, id: string, input: TUpdatePersonInput): Promise<TPerson> {
  const data = parseInput(ZUpdatePersonInput, input);
  return withOwnersChecked(ctx, data, (tx) => updatePerson(tx, id, data));
}

export function createOrganizationChecked(ctx: Ctx, input: TCreateOrganizationInput): Promise<TOrganizationDetail> {
  const data = parseInput(ZCreateOrganizationInput, input);
  return withOwnersChecked(ctx, data, (tx) => createOrganization(tx, data));
}

export function updateOrganizationChecked(
  ctx: Ctx,
  id: string,
  input: TUpdateOrganizationInput,
): Promise<TOrganizationDetail> {
  const data = parseInput(ZUpdateOrganizationInput, input);
  return withOwnersChecked(ctx, data, (tx) => updateOrganization(tx, id, data));
}
