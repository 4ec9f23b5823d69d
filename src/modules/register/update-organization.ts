import { eq } from "drizzle-orm";
import { recordAudit } from "../../kernel/audit";
import { type Ctx, withTransaction } from "../../kernel/ctx";
import { notFound } from "../../kernel/errors";
import { emitEvent } from "../../kernel/events";
import { FieldErrors } from "../../kernel/field-errors";
import { parseInput } from "../../kernel/validate";
import { assertMayWrite } from "./access";
import { changedOrganization } from "./changed-organization";
import { type TUpdateOrganizationInput, ZUpdateOrganizationInput } from "./inputs";
import { sourceOf } from "./lineage";
import { loadCustomAttributes } from "./list-custom-attributes";
import { loadOrganizationDetail } from "./organization-detail";
import { assertOrganisationsnummerFree, assertValidParent } from "./organization-fields";
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
    const { source: given, ...change } = data;
    const definitions = change.custom === undefined ? [] : await loadCustomAttributes(tx.db, "organization");
    const next = changedOrganization(row, change, definitions, errors, sourceOf(tx, given), tx.clock.now());
    errors.throwIfAny();
    if (next.organisationsnummer) {
      const typed = change.organisationsnummer === undefined ? row.organisationsnummer : change.organisationsnummer;
      await assertOrganisationsnummerFree(
        tx,
        next.organisationsnummer,
        id,
        typed ? "organisationsnummer" : "vatNumber",
      );
    }
    if (change.parentId) await assertValidParent(tx, id, change.parentId);
    const changed = Object.keys(input).filter((key) => key !== "source");
    const { id: _id, createdAt: _created, lastContactAt: _last, nextContactAt: _next, ...values } = next;
    await tx.db.update(organizations).set(values).where(eq(organizations.id, id));
    const after = await loadOrganizationDetail(tx.db, id);
    if (!after) throw notFound("organization", id);
    await recordAudit(tx, { action: "organization.update", entity: "organization", entityId: id, before, after });
    await emitEvent(tx, ORGANIZATION_UPDATED, { organizationId: id, changed });
    return after;
  });
}
