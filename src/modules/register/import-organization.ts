import { and, eq } from "drizzle-orm";
import type { Ctx } from "../../kernel/ctx";
import { withTransaction } from "../../kernel/ctx";
import { AppError } from "../../kernel/errors";
import { FieldErrors } from "../../kernel/field-errors";
import { authorize } from "../../kernel/permissions";
import { parseOrganisationsnummer } from "../../lib/se";
import { addEmail } from "./add-email";
import { addPhone } from "./add-phone";
import { createOrganization } from "./create-organization";
import type { TCreateOrganizationInput } from "./inputs";
import { moveAddress } from "./move-address";
import { normalizeAddress, samePlace } from "./normalize";
import { loadOrganizationDetail } from "./organization-detail";
import { externalIds, organizations } from "./schema";
import { updateOrganization } from "./update-organization";
import type { TAddress } from "./views";

/** The fields an import row may change on an organisation the register already has. */
export const IMPORTED_FIELDS = [
  "name",
  "vatNumber",
  "sniCode",
  "industry",
  "employees",
  "revenueSek",
  "website",
  "ownerId",
  "ownerTeamId",
  "custom",
] as const;

export const sameValue = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Thrown inside the update's savepoint when it changed nothing, to take back its audit entry. */
class NothingChanged extends Error {}

/**
 * One organisation row of an import: the organisation is the one the row names by its register
 * id (an edited export), or is found by the source's external id, or else by organisationsnummer
 * (and then linked to the id); a new one is created. A known one takes the row's values where they
 * differ, its new e-mails and phones, and its address as a move; a row that repeats what the
 * register holds writes nothing.
 */
export async function importOrganization(
  ctx: Ctx,
  input: TCreateOrganizationInput & {
    id?: string | undefined;
    externalId?: string | undefined;
    source: { system: string };
  },
): Promise<"created" | "updated" | "unchanged"> {
  authorize(ctx.actor, "register", "write");
  const { id: namedId, ...fields } = input;
  return withTransaction(ctx, async (tx) => {
    const system = input.source.system;
    const id = namedId
      ? await namedOrganization(tx, system, namedId, input.externalId)
      : await findOrganization(tx, system, input.externalId, givenOrganisationsnummer(input));
    if (!id) {
      await createOrganization(tx, fields);
      return "created";
    }
    let changed = false;
    if (input.externalId) {
      const linked = await tx.db
        .insert(externalIds)
        .values({
          system,
          externalId: input.externalId,
          entity: "organization",
          entityId: id,
          receivedAt: tx.clock.now(),
        })
        .onConflictDoNothing()
        .returning({ id: externalIds.entityId });
      changed = linked.length > 0;
    }
    const before = await loadOrganizationDetail(tx.db, id);
    const patch = Object.fromEntries(
      IMPORTED_FIELDS.flatMap((field) =>
        input[field] === undefined || input[field] === null || (field === "custom" && isEmpty(input.custom))
          ? []
          : [[field, input[field]]],
      ),
    );
    if (before && Object.keys(patch).length > 0) {
      try {
        await withTransaction(tx, async (savepoint) => {
          const after = await updateOrganization(savepoint, id, { ...patch, source: input.source });
          if (IMPORTED_FIELDS.every((field) => sameValue(after[field], before[field]))) throw new NothingChanged();
        });
        changed = true;
      } catch (error) {
        if (!(error instanceof NothingChanged)) throw error;
      }
    }
    // New e-mails and phones are added (the register keeps one of each); the counts tell if any was.
    const owner = { entity: "organization" as const, id };
    const known = await loadOrganizationDetail(tx.db, id);
    const address = input.address ? { ...input.address, kind: input.address.kind ?? "visiting" } : null;
    if (address && known && !known.addresses.some((current) => sameAddress(current, address))) {
      await moveAddress(tx, owner, { ...address, source: input.source });
      changed = true;
    }
    for (const email of input.emails ?? []) await addEmail(tx, owner, { ...email, source: input.source });
    for (const phone of input.phones ?? []) await addPhone(tx, owner, { ...phone, source: input.source });
    const now = await loadOrganizationDetail(tx.db, id);
    if (known && now && (now.emails.length !== known.emails.length || now.phones.length !== known.phones.length)) {
      changed = true;
    }
    return changed ? "updated" : "unchanged";
  });
}

async function findOrganization(
  ctx: Ctx,
  system: string,
  externalId: string | undefined,
  organisationsnummer: string | undefined,
): Promise<string | null> {
  if (externalId) {
    const [linked] = await ctx.db
      .select({ id: externalIds.entityId })
      .from(externalIds)
      .where(
        and(
          eq(externalIds.entity, "organization"),
          eq(externalIds.system, system),
          eq(externalIds.externalId, externalId),
        ),
      );
    if (linked) return linked.id;
  }
  const parsed = organisationsnummer ? parseOrganisationsnummer(organisationsnummer) : null;
  if (!parsed?.ok) return null;
  const [holder] = await ctx.db
    .select({ id: organizations.id })
    .from(organizations)
    .where(eq(organizations.organisationsnummer, parsed.value.normalized));
  return holder?.id ?? null;
}

/**
 * The organisationsnummer a row names its company by: as given, or held in a Swedish VAT number
 * given alone (SE, the ten digits, 01), which names the company as surely.
 */
export function givenOrganisationsnummer(input: {
  organisationsnummer?: string | null | undefined;
  vatNumber?: string | null | undefined;
}): string | undefined {
  if (input.organisationsnummer) return input.organisationsnummer;
  const vat = input.vatNumber?.replace(/[\s-]/g, "").toUpperCase();
  return vat && /^SE\d{12}$/.test(vat) ? vat.slice(2, 12) : undefined;
}

const isEmpty = (value: Record<string, unknown> | undefined) => !value || Object.keys(value).length === 0;

/** Whether a current address says what the row says (the moving date aside). */
function sameAddress(current: TAddress, row: NonNullable<TCreateOrganizationInput["address"]>): boolean {
  if (current.validTo !== null || current.kind !== row.kind) return false;
  const errors = new FieldErrors();
  const { validFrom: _movedAt, ...place } = row;
  const normal = normalizeAddress(place, "address", errors);
  return normal !== null && samePlace(current, normal);
}

/** The organisation a row names by its register id; its external id, if any, must not be another's. */
async function namedOrganization(
  ctx: Ctx,
  system: string,
  id: string,
  externalId: string | undefined,
): Promise<string> {
  const [row] = await ctx.db.select({ id: organizations.id }).from(organizations).where(eq(organizations.id, id));
  if (!row) {
    throw new AppError("validation_failed", "No organisation in the register has this id", {
      fields: [{ field: "organizationId", code: "unknown_organization", message: "No organisation has this id" }],
    });
  }
  const linked = externalId ? await findOrganization(ctx, system, externalId, undefined) : null;
  if (linked && linked !== id) {
    throw new AppError("validation_failed", "The external id belongs to another organisation", {
      fields: [{ field: "externalId", code: "duplicate", message: "Already linked to another organisation" }],
    });
  }
  return id;
}
