import { eq } from "drizzle-orm";
import { recordAudit } from "../../kernel/audit";
import { type Ctx, withTransaction } from "../../kernel/ctx";
import { notFound } from "../../kernel/errors";
import { emitEvent } from "../../kernel/events";
import { FieldErrors } from "../../kernel/field-errors";
import { parseInput } from "../../kernel/validate";
import { assertMayWrite } from "./access";
import { validateCustomValues } from "./custom-values";
import { type TUpdateOrganizationInput, ZUpdateOrganizationInput } from "./inputs";
import { sourceOf, stampLineage } from "./lineage";
import { loadCustomAttributes } from "./list-custom-attributes";
import { normalizeSniCode } from "./normalize";
import { normalizeWebsite } from "./normalize-website";
import { loadOrganizationDetail } from "./organization-detail";
import {
  assertOrganisationsnummerFree,
  assertValidParent,
  cleanOrganizationName,
  organizationIdentity,
  organizationSearchText,
} from "./organization-fields";
import { organizations } from "./schema";
import type { TOrganizationDetail } from "./views";

export const ORGANIZATION_UPDATED = "organization.updated";

export async function updateOrganization(
  ctx: Ctx,
  id: string,
  input: TUpdateOrganizationInput,
): Promise<TOrganizationDetail> {
  const data = parseInput(ZUpdateOrganizationInput, input);
  return withTransaction(ctx, async (tx) => {
    const [row] = await tx.db.select().from(organizations).where(eq(organizations.id, id)).for("update");
    if (!row) throw notFound("organization", id);
    assertMayWrite(tx, "organization", row);
    const before = await loadOrganizationDetail(tx.db, id);
    const errors = new FieldErrors();
    const identity = organizationIdentity(
      {
        organisationsnummer:
          data.organisationsnummer === undefined ? row.organisationsnummer : data.organisationsnummer,
        vatNumber:
          data.vatNumber === undefined
            ? data.organisationsnummer === undefined
              ? row.vatNumber
              : null
            : data.vatNumber,
        // Checked against the name only when either changes: an old record stays editable.
        ...(data.name !== undefined || data.organisationsnummer !== undefined ? { name: data.name ?? row.name } : {}),
      },
      errors,
    );
    const newWebsite = normalizeWebsite(data.website, "website", errors);
    const sniCode = normalizeSniCode(data.sniCode, "sniCode", errors);
    const custom =
      data.custom === undefined
        ? undefined
        : validateCustomValues(await loadCustomAttributes(tx.db, "organization"), data.custom, errors, {
            requireAll: false,
          });
    errors.throwIfAny();
    if (identity.organisationsnummer) {
      const typed = data.organisationsnummer === undefined ? row.organisationsnummer : data.organisationsnummer;
      await assertOrganisationsnummerFree(
        tx,
        identity.organisationsnummer,
        id,
        typed ? "organisationsnummer" : "vatNumber",
      );
    }
    if (data.parentId) await assertValidParent(tx, id, data.parentId);
    const name = data.name ? cleanOrganizationName(data.name) : row.name;
    const website = newWebsite === undefined ? row.website : newWebsite;
    const mergedCustom = custom ? { ...row.custom, ...custom } : row.custom;
    for (const [key, value] of Object.entries(mergedCustom)) if (value === null) delete mergedCustom[key];
    const changed = Object.keys(input).filter((key) => key !== "source");
    await tx.db
      .update(organizations)
      .set({
        name,
        ...identity,
        ...(sniCode !== undefined ? { sniCode } : {}),
        ...(data.industry !== undefined ? { industry: data.industry } : {}),
        ...(data.employees !== undefined ? { employees: data.employees } : {}),
        ...(data.revenueSek !== undefined ? { revenueSek: data.revenueSek } : {}),
        ...(data.parentId !== undefined ? { parentId: data.parentId } : {}),
        ...(data.ownerId !== undefined ? { ownerId: data.ownerId } : {}),
        ...(data.ownerTeamId !== undefined ? { ownerTeamId: data.ownerTeamId } : {}),
        website,
        custom: mergedCustom,
        lineage: stampLineage(row.lineage, changed, sourceOf(tx, data.source)),
        searchText: organizationSearchText(name, identity, website),
        updatedAt: tx.clock.now(),
      })
      .where(eq(organizations.id, id));
    const after = await loadOrganizationDetail(tx.db, id);
    if (!after) throw notFound("organization", id);
    await recordAudit(tx, { action: "organization.update", entity: "organization", entityId: id, before, after });
    await emitEvent(tx, ORGANIZATION_UPDATED, { organizationId: id, changed });
    return after;
  });
}
