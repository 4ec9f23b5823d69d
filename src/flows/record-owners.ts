import { z } from "zod";
import type { Ctx } from "../kernel/ctx";
import { withTransaction } from "../kernel/ctx";
import { AppError, type TErrorCode, type TFieldError } from "../kernel/errors";
import { authorize } from "../kernel/permissions";
import { parseInput } from "../kernel/validate";
import { assertAssignable } from "../modules/access";
import {
  createOrganization,
  createPerson,
  LIFECYCLE_STAGES,
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

/** At most this many records in one change: a page of the list, as the app selects them. */
export const BULK_LIMIT = 500;

const ZOwnerChange = {
  ownerId: z.uuid().nullable().optional(),
  ownerTeamId: z.uuid().nullable().optional(),
};

const atLeastOne = (set: object) => Object.values(set).some((value) => value !== undefined);

const ZBulkIds = z
  .array(z.uuid())
  .min(1)
  .max(BULK_LIMIT)
  .refine((ids) => new Set(ids).size === ids.length, { message: "An id is given twice", params: { code: "repeated" } });

export const ZBulkChangePeopleInput = z.strictObject({
  ids: ZBulkIds,
  set: z
    .strictObject({ ...ZOwnerChange, lifecycleStage: z.enum(LIFECYCLE_STAGES).optional() })
    .refine(atLeastOne, { message: "Name what to change: ownerId, ownerTeamId or lifecycleStage" }),
});
export type TBulkChangePeopleInput = z.input<typeof ZBulkChangePeopleInput>;

export const ZBulkChangeOrganizationsInput = z.strictObject({
  ids: ZBulkIds,
  set: z.strictObject(ZOwnerChange).refine(atLeastOne, { message: "Name what to change: ownerId or ownerTeamId" }),
});
export type TBulkChangeOrganizationsInput = z.input<typeof ZBulkChangeOrganizationsInput>;

export const ZBulkChangeResult = z.object({ changed: z.number().int() });

/**
 * The same change to many records: a new seller or team for a list's customers, or a new stage.
 * All or nothing: each record is changed as a single change would change it (its own access
 * check, audit entry and `person.updated` event), and if any of them cannot be, none is, and the
 * answer names every one at fault (`ids.3: forbidden`), so the user can leave them out and try
 * again. A half-done hand-over would leave nobody knowing which customers moved.
 */
export async function bulkChangePeople(ctx: Ctx, input: TBulkChangePeopleInput): Promise<{ changed: number }> {
  authorize(ctx.actor, "register", "write");
  const data = parseInput(ZBulkChangePeopleInput, input);
  return bulkChange(ctx, data.ids, data.set, (tx, id) => updatePerson(tx, id, data.set));
}

export async function bulkChangeOrganizations(
  ctx: Ctx,
  input: TBulkChangeOrganizationsInput,
): Promise<{ changed: number }> {
  authorize(ctx.actor, "register", "write");
  const data = parseInput(ZBulkChangeOrganizationsInput, input);
  return bulkChange(ctx, data.ids, data.set, (tx, id) => updateOrganization(tx, id, data.set));
}

async function bulkChange(
  ctx: Ctx,
  ids: readonly string[],
  set: { ownerId?: string | null; ownerTeamId?: string | null },
  change: (tx: Ctx, id: string) => Promise<unknown>,
): Promise<{ changed: number }> {
  return withTransaction(ctx, async (tx) => {
    await assertAssignable(tx, [
      { field: "set.ownerId", userId: set.ownerId },
      { field: "set.ownerTeamId", teamId: set.ownerTeamId },
    ]);
    const faults: Array<TFieldError & { status: TErrorCode }> = [];
    for (const [index, id] of ids.entries()) {
      try {
        // Each in a savepoint of its own: one refused record does not end the others' checks.
        await withTransaction(tx, (each) => change(each, id));
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        faults.push({ field: `ids.${index}`, code: error.code, message: error.message, status: error.code });
      }
    }
    if (faults.length > 0) {
      const codes = new Set(faults.map((fault) => fault.status));
      const [only] = codes;
      throw new AppError(
        codes.size === 1 && only ? only : "conflict",
        `${faults.length} of the ${ids.length} records cannot be changed; nothing was changed`,
        { fields: faults.map(({ status: _, ...fault }) => fault) },
      );
    }
    return { changed: ids.length };
  });
}
