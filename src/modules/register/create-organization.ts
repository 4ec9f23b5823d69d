import { and, eq } from "drizzle-orm";
import { recordAudit } from "../../kernel/audit";
import { type Ctx, withTransaction } from "../../kernel/ctx";
import { AppError } from "../../kernel/errors";
import { emitEvent } from "../../kernel/events";
import { FieldErrors } from "../../kernel/field-errors";
import { authorize } from "../../kernel/permissions";
import { parseInput } from "../../kernel/validate";
import { insertAddress, insertEmails, insertPhones } from "./contact-points";
import { type TCreateOrganizationInput, ZCreateOrganizationInput } from "./inputs";
import { loadCustomAttributes } from "./list-custom-attributes";
import { newOrganization } from "./new-organization";
import { loadOrganizationDetail } from "./organization-detail";
import { assertOrganisationsnummerFree, assertValidParent } from "./organization-fields";
import { externalIds, organizations } from "./schema";
import type { TOrganizationDetail } from "./views";

export const ORGANIZATION_CREATED = "organization.created";

export async function createOrganization(ctx: Ctx, input: TCreateOrganizationInput): Promise<TOrganizationDetail> {
  authorize(ctx.actor, "register", "write");
  const data = parseInput(ZCreateOrganizationInput, input);
  return withTransaction(ctx, async (tx) => {
    const errors = new FieldErrors();
    const definitions = await loadCustomAttributes(tx.db, "organization");
    const prepared = newOrganization(tx, data, Object.keys(input), definitions, errors);
    errors.throwIfAny();
    if (!prepared) throw new Error("an organisation refused without a fault named");
    const { row, source } = prepared;
    if (row.organisationsnummer) {
      const field = data.organisationsnummer ? "organisationsnummer" : "vatNumber";
      await assertOrganisationsnummerFree(tx, row.organisationsnummer, undefined, field);
    }
    if (data.parentId) await assertValidParent(tx, null, data.parentId);
    if (data.externalId) {
      const [holder] = await tx.db
        .select({ id: externalIds.entityId })
        .from(externalIds)
        .where(
          and(
            eq(externalIds.entity, "organization"),
            eq(externalIds.system, source.system),
            eq(externalIds.externalId, data.externalId),
          ),
        );
      if (holder) {
        throw new AppError("conflict", `${source.system} id ${data.externalId} already belongs to an organisation`, {
          fields: [{ field: "externalId", code: "duplicate", message: "Already linked" }],
          extra: { existingId: holder.id },
        });
      }
    }
    const { id, createdAt: now } = row;
    await tx.db.insert(organizations).values(row);
    const owner = { organizationId: id };
    await insertEmails(tx, owner, prepared.emails, source);
    await insertPhones(tx, owner, prepared.phones, source);
    if (prepared.address) await insertAddress(tx, owner, prepared.address, source);
    if (data.externalId) {
      await tx.db.insert(externalIds).values({
        system: source.system,
        externalId: data.externalId,
        entity: "organization",
        entityId: id,
        receivedAt: now,
      });
    }
    const organization = await loadOrganizationDetail(tx.db, id);
    if (!organization) throw new Error("organisation vanished inside its own transaction");
    await recordAudit(tx, { action: "organization.create", entity: "organization", entityId: id, after: organization });
    await emitEvent(tx, ORGANIZATION_CREATED, { organizationId: id });
    return organization;
  });
}
