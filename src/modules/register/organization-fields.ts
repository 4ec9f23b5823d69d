import { eq, sql } from "drizzle-orm";
import type { Ctx } from "../../kernel/ctx";
import { AppError } from "../../kernel/errors";
import type { FieldErrors } from "../../kernel/field-errors";
import { legalFormInName } from "./legal-form";
import { buildSearchText, normalizeOrganisationsnummer, normalizeVat } from "./normalize";
import { organizations } from "./schema";

export interface OrgIdentity {
  organisationsnummer: string | null;
  groupDigit: number | null;
  legalForm: string | null;
  vatNumber: string | null;
}

/**
 * Validates the organisationsnummer, decodes its group digit and derives the VAT number from it;
 * a Swedish VAT number given alone gives the organisationsnummer, so the company is known by it
 * (and found, and not registered twice). Given the name, the number must be of the legal form
 * the name states: "Verktyg AB" with a personnummer is a sole trader's number typed for a
 * company, or the wrong company's number.
 */
export function organizationIdentity(
  input: {
    organisationsnummer?: string | null | undefined;
    vatNumber?: string | null | undefined;
    name?: string | undefined;
  },
  errors: FieldErrors,
): OrgIdentity {
  const vat = input.vatNumber ? normalizeVat(input.vatNumber, "vatNumber", errors) : null;
  const swedishVat = vat?.startsWith("SE") ? vat : null;
  const numberField = input.organisationsnummer ? "organisationsnummer" : "vatNumber";
  const parsed = input.organisationsnummer
    ? normalizeOrganisationsnummer(input.organisationsnummer, "organisationsnummer", errors)
    : swedishVat
      ? normalizeOrganisationsnummer(swedishVat.slice(2, 12), "vatNumber", errors)
      : null;
  const named = input.name ? legalFormInName(input.name) : null;
  if (parsed && named && !named.groups.includes(parsed.groupDigit)) {
    const actual =
      parsed.kind === "sole_trader"
        ? "a personnummer, a sole trader's (enskild firma)"
        : `one of ${parsed.legalForm.en.toLowerCase()}`;
    errors.add(
      numberField,
      "contradicts_name",
      `The name says ${named.form}, whose organisationsnummer starts with ${named.groups.join(" or ")}; this number is ${actual}.`,
    );
  }
  if (parsed && swedishVat && swedishVat !== parsed.vatNumber) {
    errors.add("vatNumber", "contradicts_organisationsnummer", `The organisationsnummer gives ${parsed.vatNumber}`);
  }
  return {
    organisationsnummer: parsed?.normalized ?? null,
    groupDigit: parsed?.groupDigit ?? null,
    legalForm: parsed?.legalForm.sv ?? null,
    vatNumber: vat ?? parsed?.vatNumber ?? null,
  };
}

/** `field` is where the number was given: the organisationsnummer, or a VAT number that holds it. */
export async function assertOrganisationsnummerFree(
  ctx: Ctx,
  orgnr: string,
  exceptId?: string,
  field: "organisationsnummer" | "vatNumber" = "organisationsnummer",
): Promise<void> {
  const [holder] = await ctx.db
    .select({ id: organizations.id })
    .from(organizations)
    .where(eq(organizations.organisationsnummer, orgnr));
  if (holder && holder.id !== exceptId) {
    throw new AppError("conflict", "Another organisation in the register has this organisationsnummer", {
      fields: [{ field, code: "duplicate", message: "Already registered" }],
      extra: { existingId: holder.id },
    });
  }
}

/** A fixed advisory lock key, taken by every change of a parent. */
const PARENT_CHANGE_LOCK = 0x4f524750; // "ORGP"

/**
 * A parent must exist and must not be the organisation itself or one of its subsidiaries. Changes
 * of parents take turns (a transaction lock): two made at once, A under B and B under A, would
 * each find no loop in what the other had not yet committed.
 */
export async function assertValidParent(ctx: Ctx, id: string | null, parentId: string): Promise<void> {
  await ctx.db.execute(sql`select pg_advisory_xact_lock(${PARENT_CHANGE_LOCK})`);
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
