import { eq } from "drizzle-orm";
import type { Ctx } from "../../kernel/ctx";
import { AppError } from "../../kernel/errors";
import type { FieldErrors } from "../../kernel/field-errors";
import { buildSearchText, normalizeOrganisationsnummer, normalizeVat } from "./normalize";
import { organizations } from "./schema";

export interface OrgIdentity {
  organisationsnummer: string | null;
  groupDigit: number | null;
  legalForm: string | null;
  vatNumber: string | null;
}

/** Validates the organisationsnummer, decodes its group digit and derives the VAT number from it. */
export function organizationIdentity(
  input: { organisationsnummer?: string | null | undefined; vatNumber?: string | null | undefined },
  errors: FieldErrors,
): OrgIdentity {
  const parsed = input.organisationsnummer
    ? normalizeOrganisationsnummer(input.organisationsnummer, "organisationsnummer", errors)
    : null;
  const vat = input.vatNumber ? normalizeVat(input.vatNumber, "vatNumber", errors) : null;
  if (parsed && vat?.startsWith("SE") && vat !== parsed.vatNumber) {
    errors.add("vatNumber", "contradicts_organisationsnummer", `The organisationsnummer gives ${parsed.vatNumber}`);
  }
  return {
    organisationsnummer: parsed?.normalized ?? null,
    groupDigit: parsed?.groupDigit ?? null,
    legalForm: parsed?.legalForm.sv ?? null,
    vatNumber: vat ?? parsed?.vatNumber ?? null,
  };
}

export async function assertOrganisationsnummerFree(ctx: Ctx, orgnr: string, exceptId?: string): Promise<void> {
  const [holder] = await ctx.db
    .select({ id: organizations.id })
    .from(organizations)
    .where(eq(organizations.organisationsnummer, orgnr));
  if (holder && holder.id !== exceptId) {
    throw new AppError("conflict", "Another organisation in the register has this organisationsnummer", {
      fields: [{ field: "organisationsnummer", code: "duplicate", message: "Already registered" }],
      extra: { existingId: holder.id },
    });
  }
}

/** A parent must exist and must not be the organisation itself or one of its subsidiaries. */
export async function assertValidParent(ctx: Ctx, id: string | null, parentId: string): Promise<void> {
  let cursor: string | null = parentId;
  for (let depth = 0; cursor && depth < 50; depth++) {
    if (cursor === id) {
      const message =
        depth === 0
          ? "An organisation cannot be its own parent"
          : "The parent is one of this organisation's own subsidiaries: a group cannot own itself";
      throw new AppError("validation_failed", message, {
        fields: [{ field: "parentId", code: "cycle", message: "This would make a loop of parents" }],
      });
    }
    const rows: Array<{ parentId: string | null }> = await ctx.db
      .select({ parentId: organizations.parentId })
      .from(organizations)
      .where(eq(organizations.id, cursor));
    if (rows.length === 0) {
      throw new AppError("validation_failed", "The parent organisation does not exist", {
        fields: [{ field: "parentId", code: "not_found", message: "No such organisation" }],
      });
    }
    cursor = rows[0]?.parentId ?? null;
  }
}

/** Names are matched with trigrams; the organisationsnummer has an index of its own. */
export function organizationSearchText(name: string, _identity: OrgIdentity, _website?: string | null): string {
  return buildSearchText([name]);
}

/** Company names keep their casing (IKEA AB, AstraZeneca); only whitespace is tidied. */
export const cleanOrganizationName = (name: string) => name.trim().replace(/\s+/g, " ");
